package securechat.notebook;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.sniffer.dissect.Entropy;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;

class PicturesTest {
  private static final byte[] TEXT =
      "alice says: the meeting is at noon, bring the report and the slides\n".getBytes(US_ASCII);

  @Test
  void everyPictureIs800PixelsWide() {
    List<BufferedImage> pictures =
        List.of(
            Pictures.byteHistogram("bytes", TEXT),
            Pictures.entropy(Map.of("text", TEXT)),
            Pictures.timeline("timeline", List.of(line(Direction.CLIENT_TO_SERVER, "/list"))),
            Pictures.hexMap("hex", TEXT, "noon"));
    for (BufferedImage picture : pictures) {
      assertThat(picture.getWidth()).isEqualTo(800);
      assertThat(picture.getHeight()).isBetween(200, 1400);
    }
  }

  @Test
  void hexMapColoursTheSecretsBytesAndNothingElse() {
    byte[] bytes = filler(64);
    put(bytes, 14, "4711"); // across the end of the first row
    put(bytes, 40, "4711");
    BufferedImage map = Pictures.hexMap("hex", bytes, "4711");

    List<Rectangle> secretCells = new ArrayList<>();
    for (int index : new int[] {14, 15, 16, 17, 40, 41, 42, 43}) {
      secretCells.add(HexMap.cell(index / 16, index % 16));
      secretCells.add(HexMap.textCell(index / 16, index % 16));
    }
    for (int index = 0; index < bytes.length; index++) {
      Rectangle cell = HexMap.cell(index / 16, index % 16);
      boolean secret = secretCells.contains(cell);
      assertThat(isVermillion(map, cell.x + 2, cell.y + 2)).as("byte %d", index).isEqualTo(secret);
    }
    assertThat(vermillionOutside(map, secretCells, 4)).as("red pixels outside the secret").isZero();
  }

  @Test
  void hexMapWithoutTheSecretColoursNoByte() {
    BufferedImage map = Pictures.hexMap("hex", filler(100), "4711");

    assertThat(vermillionOutside(map, List.of(), 7)).isZero();
  }

  @Test
  void hexMapOfManyBytesShowsTheRowsAroundTheSecret() {
    byte[] bytes = filler(4096);
    put(bytes, 3000, "4711");
    BufferedImage map = Pictures.hexMap("hex", bytes, "4711");

    int firstRow = HexMap.firstRow(bytes.length, List.of(3000));
    assertThat(firstRow).isEqualTo(3000 / 16 - 2);
    assertThat(map.getHeight()).isEqualTo(HexMap.height(HexMap.MAX_ROWS));
    Rectangle secret = HexMap.cell(3000 / 16 - firstRow, 3000 % 16);
    assertThat(isVermillion(map, secret.x + 2, secret.y + 2)).isTrue();
  }

  @Test
  void hexMapFindsEveryOccurrenceExactlyOverlapsIncluded() {
    byte[] bytes = "aaaa-AAA".getBytes(US_ASCII);

    assertThat(HexMap.occurrences(bytes, "aa".getBytes(US_ASCII))).containsExactly(0, 1, 2);
  }

  @Test
  void hexMapRefusesAnEmptySecret() {
    assertThatThrownBy(() -> Pictures.hexMap("hex", TEXT, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the secret to highlight must not be empty");
  }

  @Test
  void histogramColoursPrintableBytesOrangeAndTheOthersBlue() {
    byte[] bytes = new byte[120];
    Arrays.fill(bytes, 0, 40, (byte) 'A');
    Arrays.fill(bytes, 40, 80, (byte) 0x00);
    Arrays.fill(bytes, 80, 120, (byte) 0xC8);
    BufferedImage histogram = Pictures.byteHistogram("bytes", bytes);

    Plot plot = ByteHistogram.plot(40);
    assertThat(colourOfBar(histogram, plot, 'A')).isEqualTo(Palette.ORANGE);
    assertThat(colourOfBar(histogram, plot, 0x00)).isEqualTo(Palette.BLUE);
    assertThat(colourOfBar(histogram, plot, 0xC8)).isEqualTo(Palette.BLUE);
    assertThat(colourOfBar(histogram, plot, 'z')).isEqualTo(Palette.ORANGE_TINT);
    assertThat(colourOfBar(histogram, plot, 0x90)).isEqualTo(Palette.BACKGROUND);
  }

  @Test
  void histogramBarsAreAsTallAsTheirCounts() {
    byte[] bytes = new byte[60];
    Arrays.fill(bytes, 0, 40, (byte) 'A');
    Arrays.fill(bytes, 40, 60, (byte) 'B');
    BufferedImage histogram = Pictures.byteHistogram("bytes", bytes);

    Plot plot = ByteHistogram.plot(40);
    assertThat(barTop(histogram, plot, barX(plot, 'A'), Palette.ORANGE))
        .isCloseTo(plot.y(40), within());
    assertThat(barTop(histogram, plot, barX(plot, 'B'), Palette.ORANGE))
        .isCloseTo(plot.y(20), within());
  }

  @Test
  void entropyBarsFollowTheMapsOrderAndAreAsTallAsTheirEntropy() {
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    Map<String, byte[]> bytesByLabel = new LinkedHashMap<>();
    bytesByLabel.put("text", TEXT);
    bytesByLabel.put("random", random);
    bytesByLabel.put("zeros", new byte[500]);
    BufferedImage chart = Pictures.entropy(bytesByLabel);

    Plot plot = EntropyChart.plot();
    List<Double> tops = new ArrayList<>();
    int index = 0;
    for (byte[] bytes : bytesByLabel.values()) {
      int x = (int) EntropyChart.barCentre(plot, index++, bytesByLabel.size());
      tops.add(barTop(chart, plot, x, Palette.BLUE));
      if (Entropy.bitsPerByte(bytes) > 0) {
        assertThat(tops.get(tops.size() - 1))
            .isCloseTo(plot.y(Entropy.bitsPerByte(bytes)), within());
      }
    }
    assertThat(tops.get(0)).as("text is lower than random bytes").isGreaterThan(tops.get(1));
    assertThat(tops.get(2)).as("zeros: no bar at all").isEqualTo(plot.bottom());
  }

  @Test
  void entropyNeedsSomethingToShow() {
    assertThatThrownBy(() -> Pictures.entropy(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the entropy chart needs at least one label's bytes");
  }

  @Test
  void timelineDrawsEachArrowInTheColourOfItsDirection() {
    List<WireMessage> messages =
        List.of(
            line(Direction.CLIENT_TO_SERVER, "/list"), line(Direction.SERVER_TO_CLIENT, "LIST"));
    BufferedImage timeline = Pictures.timeline("timeline", messages);

    int middle = (Timeline.CLIENT_X + Timeline.SERVER_X) / 2;
    int first = Timeline.FIRST_ARROW_Y;
    assertThat(timeline.getHeight()).isEqualTo(Timeline.height(2));
    assertThat(new Color(timeline.getRGB(middle, first))).isEqualTo(Palette.BLUE);
    assertThat(new Color(timeline.getRGB(middle, first + Timeline.ROW_HEIGHT)))
        .isEqualTo(Palette.ORANGE);
  }

  @Test
  void timelineStopsAtItsCap() {
    List<WireMessage> messages = new ArrayList<>();
    for (int i = 0; i < Timeline.MAX_MESSAGES + 15; i++) {
      messages.add(line(Direction.CLIENT_TO_SERVER, "/list"));
    }

    assertThat(Pictures.timeline("long", messages).getHeight())
        .isEqualTo(Timeline.height(Timeline.MAX_MESSAGES));
    assertThat(Pictures.timeline("empty", List.of()).getHeight()).isEqualTo(Timeline.height(1));
  }

  @Test
  void timelineLabelsChatLinesWithTheLineAndCiphertextWithItsKind() {
    WireMessage login =
        message(Direction.CLIENT_TO_SERVER, "/login", "/login alice <password: pw>", Flag.PASSWORD);
    WireMessage token =
        message(
            Direction.CLIENT_TO_SERVER,
            "Fernet token",
            "Fernet token, 48 bytes of ciphertext",
            Flag.OPAQUE);

    assertThat(Timeline.label(login)).isEqualTo("/login alice <password: pw>");
    assertThat(Timeline.label(token)).isEqualTo("Fernet token");
  }

  @Test
  void savedPngReadsBackAsTheSamePicture(@TempDir Path dir) throws Exception {
    BufferedImage picture = Pictures.hexMap("hex", TEXT, "noon");

    Path file = Pictures.save(picture, dir.resolve("pictures").resolve("hex.png"));

    assertThat(Files.size(file)).isPositive();
    BufferedImage read = ImageIO.read(file.toFile());
    assertThat(read).isNotNull();
    assertThat(read.getWidth()).isEqualTo(picture.getWidth());
    assertThat(read.getHeight()).isEqualTo(picture.getHeight());
    Rectangle cell = HexMap.cell(0, 5);
    assertThat(read.getRGB(cell.x + 2, cell.y + 2))
        .isEqualTo(picture.getRGB(cell.x + 2, cell.y + 2));
  }

  private static WireMessage line(Direction direction, String text) {
    return message(direction, text.split(" ")[0], text);
  }

  private static WireMessage message(
      Direction direction, String kind, String summary, Flag... flags) {
    return new WireMessage(
        0,
        direction,
        0,
        summary.length() + 1,
        1,
        Instant.EPOCH,
        kind,
        summary,
        List.of(),
        Set.of(flags));
  }

  /** Bytes that are not the secret: dots. */
  private static byte[] filler(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) '.');
    return bytes;
  }

  private static void put(byte[] bytes, int at, String text) {
    byte[] ascii = text.getBytes(US_ASCII);
    System.arraycopy(ascii, 0, bytes, at, ascii.length);
  }

  private static boolean isVermillion(BufferedImage image, int x, int y) {
    return new Color(image.getRGB(x, y)).equals(Palette.VERMILLION);
  }

  /**
   * Counts the exactly-red pixels of the grid's first {@code rows} rows outside {@code allowed}.
   */
  private static int vermillionOutside(BufferedImage image, List<Rectangle> allowed, int rows) {
    int count = 0;
    for (int y = HexMap.GRID_TOP; y < HexMap.GRID_TOP + rows * HexMap.CELL_HEIGHT; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int px = x;
        int py = y;
        if (isVermillion(image, x, y) && allowed.stream().noneMatch(r -> r.contains(px, py))) {
          count++;
        }
      }
    }
    return count;
  }

  private static int barX(Plot plot, int value) {
    return (int) (ByteHistogram.barLeft(plot, value) + plot.width() / 512.0);
  }

  private static Color colourOfBar(BufferedImage histogram, Plot plot, int value) {
    return new Color(histogram.getRGB(barX(plot, value), plot.bottom() - 3));
  }

  /** The y of the first pixel of {@code colour} from the plot's top down; its bottom if none. */
  private static double barTop(BufferedImage image, Plot plot, int x, Color colour) {
    for (int y = plot.top(); y < plot.bottom(); y++) {
      if (new Color(image.getRGB(x, y)).equals(colour)) {
        return y;
      }
    }
    return plot.bottom();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1.5);
  }
}
