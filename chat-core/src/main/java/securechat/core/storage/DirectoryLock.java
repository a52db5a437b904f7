package securechat.core.storage;

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
 * Serialises the writers of one directory, between threads and between processes: a lock file
 * ({@code accounts.lock}, {@code pki.lock}) locked with the operating system's file lock, plus a
 * lock per JVM in front of it. Held by the thread that took it; taking it again on that thread
 * nests.
 *
 * <pre>{@code
 * try (DirectoryLock lock = DirectoryLock.acquire(dataDir, "accounts.lock")) {
 *   // re-read, change, write atomically
 * }
 * }</pre>
 */
public final class DirectoryLock implements AutoCloseable {
  /**
   * One lock per lock file in this JVM: a file lock belongs to the whole JVM, so a second thread
   * asking for it would get OverlappingFileLockException instead of waiting.
   */
  private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final ReentrantLock threadLock;
  private final FileChannel channel; // null when this thread already held the lock

  private DirectoryLock(ReentrantLock threadLock, FileChannel channel) {
    this.threadLock = threadLock;
    this.channel = channel;
  }

  /** Creates the directory (owner-only) if needed and waits for its lock. */
  public static DirectoryLock acquire(Path directory, String lockFileName) throws IOException {
    LabFiles.createPrivateDirectory(directory);
    Path lockFile = directory.toRealPath().resolve(lockFileName);
    ReentrantLock threadLock = LOCKS.computeIfAbsent(lockFile, unused -> new ReentrantLock());
    threadLock.lock();
    if (threadLock.getHoldCount() > 1) {
      return new DirectoryLock(threadLock, null);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, Set.of(CREATE, WRITE), LabFiles.ownerOnly(lockFile));
      channel.lock(); // released when the channel closes
      return new DirectoryLock(threadLock, channel);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      threadLock.unlock();
      throw e;
    }
  }

  /** Lets the next thread or process in. */
  @Override
  public void close() throws IOException {
    try {
      if (channel != null) {
        channel.close();
      }
    } finally {
      threadLock.unlock();
    }
  }
}
