package securechat.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates directories and writes files in the lab data directory: private ones owner-only (the
 * accounts, private keys, key logs), public ones readable by all (certificates), each replaced
 * atomically. On a file system without POSIX permissions the files get the system's defaults.
 *
 * <p>Every file of stored state (accounts, private keys, known-hosts pins, the lab CA and its
 * certificates, the e2e identity, contact book and key directory) is written through {@link
 * #writePrivate} or {@link #writePublic}, so a process killed at any moment leaves each file whole:
 * {@code LabFilesKillIT} kills a writer again and again to check it.
 */
public final class LabFiles {
  static final String TEMP_SUFFIX = ".tmp";

  private LabFiles() {}

  /** Creates {@code directory} and its parents as rwx------, if it does not exist yet. */
  public static void createPrivateDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, permissions(directory, "rwx------"));
    }
  }

  /** Deletes {@code root} and everything under it; nothing happens if it does not exist. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The attributes that create a file rw------- (none on a file system without POSIX). */
  public static FileAttribute<?>[] ownerOnly(Path near) {
    return permissions(near, "rw-------");
  }

  /**
   * Reads a text file of stored state, one record a line. Every writer ends each line with a
   * newline, so a last line without one means the file was cut short (by a crash during a write
   * that did not go through this class, or a full disk): that is refused, never read as fewer
   * records, which would silently forget the rest.
   *
   * @throws IOException naming the file if it is not UTF-8 or was cut short
   */
  public static List<String> readLines(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
      throw new IOException(
          file
              + " was cut short: its last line does not end; restore the file from a backup, or"
              + " repair or delete that line");
    }
    try {
      return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().lines().toList();
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not UTF-8 text; restore it from a backup", e);
    }
  }

  /** Replaces {@code file} with {@code content}, readable by its owner only. */
  public static void writePrivate(Path file, byte[] content) throws IOException {
    writeAtomically(file, content, permissions(file, "rw-------"));
  }

  /** Replaces {@code file} with {@code content}, readable by everyone (less any umask). */
  public static void writePublic(Path file, byte[] content) throws IOException {
    writeAtomically(file, content, permissions(file, "rw-r--r--"));
  }

  /**
   * Writes a temporary file next to the real one, forces it to disk, then renames it over the real
   * one: a reader, or the next start after a crash, finds the old version or the new one, never
   * half of one. The temporary file's name carries this process's id ({@code
   * accounts.pid4242.123456789.tmp}), so that a later write can tell a leftover of a killed process
   * from the file another live process is writing at this moment.
   */
  private static void writeAtomically(Path file, byte[] content, FileAttribute<?>[] attributes)
      throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    createPrivateDirectory(directory);
    String name = file.getFileName().toString();
    deleteLeftoversOfEndedProcesses(directory, name);
    Path temp =
        Files.createTempFile(
            directory, tempPrefix(name, ProcessHandle.current().pid()), TEMP_SUFFIX, attributes);
    try {
      try (FileChannel out = FileChannel.open(temp, WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true); // on disk before the rename makes it the real file
      }
      Files.move(temp, file, ATOMIC_MOVE, REPLACE_EXISTING);
      forceDirectory(directory);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A process killed between creating its temporary file and the rename leaves the file behind. The
   * next write of the same file deletes every such leftover whose process has ended, so they cannot
   * pile up; a live process's file (its write is under way) is left alone.
   */
  private static void deleteLeftoversOfEndedProcesses(Path directory, String name)
      throws IOException {
    String prefix = name + ".pid";
    try (DirectoryStream<Path> temps =
        Files.newDirectoryStream(directory, path -> isTempOf(path, prefix))) {
      for (Path temp : temps) {
        if (!isAlive(processIdOf(temp, prefix))) {
          Files.deleteIfExists(temp);
        }
      }
    }
  }

  private static boolean isTempOf(Path path, String prefix) {
    String fileName = path.getFileName().toString();
    return fileName.startsWith(prefix) && fileName.endsWith(TEMP_SUFFIX);
  }

  /** The process id in {@code NAME.pidPID.RANDOM.tmp}, or -1 if it cannot be read. */
  private static long processIdOf(Path temp, String prefix) {
    String rest = temp.getFileName().toString().substring(prefix.length());
    int dot = rest.indexOf('.');
    try {
      return dot < 0 ? -1 : Long.parseLong(rest.substring(0, dot));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean isAlive(long pid) {
    return pid >= 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static String tempPrefix(String name, long pid) {
    return name + ".pid" + pid + ".";
  }

  /**
   * Forces the directory entry of the rename to disk too, so a power cut after this method returns
   * cannot bring the old version back. Linux and macOS allow opening a directory for this; where
   * the system does not (Windows), the rename is all there is.
   */
  private static void forceDirectory(Path directory) throws IOException {
    if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try (FileChannel channel = FileChannel.open(directory, READ)) {
      channel.force(true);
    }
  }

  private static FileAttribute<?>[] permissions(Path near, String symbolic) {
    if (!near.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(symbolic))
    };
  }
}
