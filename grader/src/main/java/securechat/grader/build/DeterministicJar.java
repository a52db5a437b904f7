package securechat.grader.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A copy of a jar (or a class folder) as a new jar without some entries, byte for byte the same
 * every time: entries sorted by name, one fixed date. Releasing twice gives the same files, and the
 * jar's hash can name its version.
 */
public final class DeterministicJar {
  // The earliest date a zip file can hold: nothing here pretends to have a real time.
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  private DeterministicJar() {}

  /** The entries of {@code location} except those {@code drop} accepts, as jar bytes. */
  public static byte[] copyWithout(Path location, Predicate<String> drop) throws IOException {
    Map<String, byte[]> entries = new TreeMap<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          entries.put(
              location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
          if (!entry.isDirectory()) {
            try (InputStream in = jar.getInputStream(entry)) {
              entries.put(entry.getName(), in.readAllBytes());
            }
          }
        }
      }
    }
    entries.keySet().removeIf(drop);
    return write(entries);
  }

  /** The first 16 hex digits of the SHA-256 of {@code bytes}. */
  public static String shortHash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] write(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        zipEntry.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(zipEntry);
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }
}
