package securechat.core.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import securechat.core.protocol.FileName;
import securechat.core.protocol.ProtocolException;

/**
 * The folder where a client saves the files it receives.
 *
 * <p><b>Protects</b> the receiver's disk from a hostile sender or server: the name is validated
 * again here with {@link FileName#parse} (never trust that the codec ran), the resolved path must
 * stay inside the folder, and an existing file is never overwritten: {@code notes.txt} arrives as
 * {@code notes-1.txt}, then {@code notes-2.txt}. Each name is claimed with {@code CREATE_NEW},
 * which fails if the file exists, so two files arriving at once cannot take the same name. On POSIX
 * systems the folder is created {@code rwx------} and each file {@code rw-------}: other users of a
 * shared lab machine cannot read what was sent to you.
 *
 * <p><b>Does not protect</b> against what the file says: it is saved as text, never run, but a file
 * named {@code install.sh} is still only as trustworthy as its sender.
 */
final class Downloads {
  /** After this many {@code name-N} variants, give up rather than loop for ever. */
  private static final int MAX_VARIANTS = 999;

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path folder;

  Downloads(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  /** The folder files are saved in. */
  Path folder() {
    return folder;
  }

  /**
   * Saves {@code content} as UTF-8 under {@code untrustedName}, or under the first free {@code
   * name-N} variant, and returns the path it was saved to.
   *
   * @throws ProtocolException if the name is not a safe file name
   * @throws IOException if the folder or the file cannot be written
   */
  Path save(String untrustedName, String content) throws ProtocolException, IOException {
    FileName name = FileName.parse(untrustedName);
    createFolder();
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    for (int variant = 0; variant <= MAX_VARIANTS; variant++) {
      Path target = inside(variantOf(name.value(), variant));
      try {
        write(target, bytes);
        return target;
      } catch (FileAlreadyExistsException taken) {
        // Somebody's file already has this name: try the next variant.
      }
    }
    throw new IOException(
        "too many files named like " + name + " in " + folder + "; delete some and ask again");
  }

  /** {@code notes.txt} for variant 0, {@code notes-1.txt} for 1; {@code README-1} without a dot. */
  static String variantOf(String name, int variant) {
    if (variant == 0) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    return dot > 0
        ? name.substring(0, dot) + "-" + variant + name.substring(dot)
        : name + "-" + variant;
  }

  /** The second guard: even a name that passed {@link FileName#parse} must resolve inside. */
  private Path inside(String fileName) throws IOException {
    Path target = folder.resolve(fileName).normalize();
    if (!target.startsWith(folder) || target.equals(folder)) {
      throw new IOException("refusing to save outside " + folder + ": " + fileName);
    }
    return target;
  }

  private void createFolder() throws IOException {
    Files.createDirectories(folder, ownerOnly("rwx------"));
  }

  /** Creates the file (failing if it exists) with owner-only permissions from the first byte. */
  private static void write(Path target, byte[] bytes) throws IOException {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try (SeekableByteChannel file = Files.newByteChannel(target, options, ownerOnly("rw-------"))) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        file.write(buffer);
      }
    }
  }

  /** POSIX permissions as a creation attribute; none on file systems without them (Windows). */
  private static FileAttribute<?>[] ownerOnly(String permissions) {
    if (!POSIX) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
