package securechat.core.storage;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Creates directories and writes files in the lab data directory: private ones owner-only (the
 * accounts, private keys, key logs), public ones readable by all (certificates), each replaced
 * atomically. On a file system without POSIX permissions the files get the system's defaults.
 */
public final class LabFiles {
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

  /** Replaces {@code file} with {@code content}, readable by its owner only. */
  public static void writePrivate(Path file, byte[] content) throws IOException {
    writeAtomically(file, content, permissions(file, "rw-------"));
  }

  /** Replaces {@code file} with {@code content}, readable by everyone (less any umask). */
  public static void writePublic(Path file, byte[] content) throws IOException {
    writeAtomically(file, content, permissions(file, "rw-r--r--"));
  }

  /** Writes a temporary file next to the real one, then renames it over the real one. */
  private static void writeAtomically(Path file, byte[] content, FileAttribute<?>[] attributes)
      throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    createPrivateDirectory(directory);
    Path temp = Files.createTempFile(directory, file.getFileName() + "-", ".tmp", attributes);
    try {
      try (FileChannel out = FileChannel.open(temp, WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true); // on disk before the rename makes it the real file
      }
      Files.move(temp, file, ATOMIC_MOVE, REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
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
