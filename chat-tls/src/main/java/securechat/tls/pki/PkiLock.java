package securechat.tls.pki;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises changes to one {@code pki} directory, between threads and between processes, so that a
 * server and a client started together do not both create a CA and overwrite each other's files.
 * Held by the thread that took it; taking it again on that thread nests. Used like a {@code
 * ReentrantLock}: {@code acquire}, then {@code try { ... } finally { lock.release(); }}.
 */
final class PkiLock {
  static final String FILE_NAME = "pki.lock";

  /**
   * One lock per directory in this JVM: a file lock belongs to the whole JVM, so a second thread
   * asking for it would get OverlappingFileLockException instead of waiting.
   */
  private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final ReentrantLock threadLock;
  private final FileChannel channel; // null when this thread already held the lock

  private PkiLock(ReentrantLock threadLock, FileChannel channel) {
    this.threadLock = threadLock;
    this.channel = channel;
  }

  /** Creates the directory (owner-only) if needed and waits for its lock. */
  static PkiLock acquire(Path directory) throws IOException {
    PkiFiles.createDirectory(directory);
    Path lockFile = directory.toRealPath().resolve(FILE_NAME);
    ReentrantLock threadLock = LOCKS.computeIfAbsent(lockFile, unused -> new ReentrantLock());
    threadLock.lock();
    if (threadLock.getHoldCount() > 1) {
      return new PkiLock(threadLock, null);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, Set.of(CREATE, WRITE), PkiFiles.ownerOnly(directory));
      channel.lock(); // released when the channel closes
      return new PkiLock(threadLock, channel);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      threadLock.unlock();
      throw e;
    }
  }

  /** Lets the next thread or process in; call it in a {@code finally} block. */
  void release() throws IOException {
    try {
      if (channel != null) {
        channel.close();
      }
    } finally {
      threadLock.unlock();
    }
  }
}
