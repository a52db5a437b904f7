package securechat.notebook;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import securechat.sniffer.dissect.WireMessage;

/**
 * The notebooks' pictures, each an 800-pixel-wide image: {@code display(picture)} shows it in a
 * notebook, {@link #save} writes it as PNG.
 *
 * <pre>{@code
 * Wire wire = lab.wire();
 * display(Pictures.byteHistogram("plain: client to server", wire.clientToServer()));
 * display(Pictures.entropy(Map.of("plain", plainBytes)));
 * display(Pictures.timeline("alice's connection", wire.messagesOf("alice")));
 * display(Pictures.hexMap("where is the password?", wire.clientToServer(), password));
 * }</pre>
 *
 * <p>Colours come from a palette that colour-blind readers can tell apart, and every colour also
 * has a legend, a label or a line style, so a printout in grey still reads.
 */
public final class Pictures {
  private Pictures() {}

  /**
   * How often each byte value 0-255 occurs in {@code bytes}. Bars in the printable-ASCII band
   * (shaded) are orange, the others blue: text clusters in the band, ciphertext spreads everywhere.
   */
  public static BufferedImage byteHistogram(String title, byte[] bytes) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(bytes, "bytes");
    return ByteHistogram.draw(title, bytes);
  }

  /**
   * The Shannon entropy of each label's bytes in bits per byte, one bar per label in the map's
   * order (a {@code LinkedHashMap} keeps the order you put them in), with 8, the maximum, marked.
   */
  public static BufferedImage entropy(Map<String, byte[]> bytesByLabel) {
    Objects.requireNonNull(bytesByLabel, "bytesByLabel");
    if (bytesByLabel.isEmpty()) {
      throw new IllegalArgumentException("the entropy chart needs at least one label's bytes");
    }
    return EntropyChart.draw(bytesByLabel);
  }

  /**
   * {@code messages} as a sequence diagram between a client and a server, in the order given (the
   * first {@value Timeline#MAX_MESSAGES}), each labelled with what the sniffer's dissector saw and
   * its time in ms since the first.
   */
  public static BufferedImage timeline(String title, List<WireMessage> messages) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(messages, "messages");
    return Timeline.draw(title, messages);
  }

  /**
   * {@code bytes} as a hex grid, 16 per row with offsets, every occurrence of {@code secret}
   * (matched exactly) highlighted, and a line saying where it was found or that it was not. At most
   * {@value HexMap#MAX_ROWS} rows are drawn; the picture says which bytes it left out.
   *
   * @throws IllegalArgumentException if {@code secret} is empty
   */
  public static BufferedImage hexMap(String title, byte[] bytes, byte[] secret) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(secret, "secret");
    return HexMap.draw(title, bytes, secret);
  }

  /** As {@link #hexMap(String, byte[], byte[])}, for a secret written as text (its UTF-8 bytes). */
  public static BufferedImage hexMap(String title, byte[] bytes, String secret) {
    Objects.requireNonNull(secret, "secret");
    return hexMap(title, bytes, secret.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code image} to {@code file} as PNG, creating its folder if needed. */
  public static Path save(BufferedImage image, Path file) throws IOException {
    Objects.requireNonNull(image, "image");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer in this Java: cannot write " + file);
    }
    return file;
  }
}
