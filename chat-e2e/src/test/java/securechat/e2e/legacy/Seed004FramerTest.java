package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import securechat.testkit.PiecesInputStream;

/**
 * 8-byte length + JSON frames, read however the bytes are cut into reads. No network: the reads
 * come from a stream that hands out given pieces, one per {@code read}.
 */
class Seed004FramerTest {
  private static final List<String> FRAMES =
      List.of(
          "{\"type\":\"error\",\"message\":\"ünïcödé ✓\"}",
          "{}",
          "{\"a\":\"" + "x".repeat(5000) + "\"}");

  @Test
  void writesAnEightByteBigEndianLengthThenTheJson() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();

    Seed004Framer.writeFrame(wire, "{\"type\":\"x\"}");

    byte[] bytes = wire.toByteArray();
    assertThat(HexFormat.of().formatHex(bytes, 0, 8)).isEqualTo("000000000000000c");
    assertThat(new String(bytes, 8, bytes.length - 8, UTF_8)).isEqualTo("{\"type\":\"x\"}");
  }

  @Test
  void framesSplitAtEveryPlaceArriveWhole() throws IOException {
    byte[] wire = wire("{\"type\":\"error\",\"message\":\"é\"}");
    for (int cut = 1; cut < wire.length; cut++) {
      InputStream in =
          new PiecesInputStream(
              Arrays.copyOfRange(wire, 0, cut), Arrays.copyOfRange(wire, cut, wire.length));

      assertThat(Seed004Framer.readFrame(in))
          .as("cut at %d", cut)
          .isEqualTo("{\"type\":\"error\",\"message\":\"é\"}");
      assertThat(Seed004Framer.readFrame(in)).isNull();
    }
  }

  @Test
  void framesJoinedAndCutInThreeBytePiecesAllArrive() throws IOException {
    byte[] wire = wire(FRAMES.toArray(String[]::new));

    assertThat(readAll(PiecesInputStream.cut(wire, 3))).isEqualTo(FRAMES);
    assertThat(readAll(new ByteArrayInputStream(wire))).isEqualTo(FRAMES);
  }

  @Test
  void lengthOverTheMaximumIsRefusedBeforeReading() {
    byte[] header = {0, 0, 0, 0, 0, 0x10, 0, 1, '{'};

    assertThatThrownBy(() -> Seed004Framer.readFrame(new ByteArrayInputStream(header)))
        .isInstanceOf(IOException.class)
        .hasMessage("the peer announced a frame of 1048577 bytes; the maximum is 1048576");
  }

  @Test
  void lengthWithTheTopBitSetIsReadUnsignedAndRefused() {
    byte[] header = new byte[8];
    Arrays.fill(header, (byte) 0xFF);

    assertThatThrownBy(() -> Seed004Framer.readFrame(new ByteArrayInputStream(header)))
        .hasMessage(
            "the peer announced a frame of 18446744073709551615 bytes; the maximum is 1048576");
  }

  @Test
  void frameOfExactlyTheMaximumIsRead() throws IOException {
    String json = "\"" + "x".repeat(Seed004Framer.MAX_FRAME_BYTES - 2) + "\"";

    assertThat(Seed004Framer.readFrame(new ByteArrayInputStream(wire(json)))).isEqualTo(json);
  }

  @Test
  void writingOverTheMaximumIsAProgrammingError() {
    String json = "x".repeat(Seed004Framer.MAX_FRAME_BYTES + 1);

    assertThatThrownBy(() -> Seed004Framer.writeFrame(new ByteArrayOutputStream(), json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frame is 1048577 bytes; the maximum is 1048576");
  }

  @Test
  void endInsideAFrameIsAnError() {
    assertThatThrownBy(() -> Seed004Framer.readFrame(new ByteArrayInputStream(new byte[3])))
        .isInstanceOf(EOFException.class)
        .hasMessage("the connection ended inside a length prefix, after 3 of 8 bytes");
    byte[] cutShort = {0, 0, 0, 0, 0, 0, 0, 10, '{', '}'};
    assertThatThrownBy(() -> Seed004Framer.readFrame(new ByteArrayInputStream(cutShort)))
        .isInstanceOf(EOFException.class)
        .hasMessage("the connection ended inside a frame, after 2 of 10 bytes");
  }

  @Test
  void frameThatIsNotUtf8IsRefused() {
    byte[] frame = {0, 0, 0, 0, 0, 0, 0, 2, (byte) 0xC3, '('};

    assertThatThrownBy(() -> Seed004Framer.readFrame(new ByteArrayInputStream(frame)))
        .isInstanceOf(IOException.class)
        .hasMessage("a 2-byte frame is not UTF-8 text");
  }

  private static byte[] wire(String... frames) throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (String frame : frames) {
      Seed004Framer.writeFrame(wire, frame);
    }
    return wire.toByteArray();
  }

  private static List<String> readAll(InputStream in) throws IOException {
    List<String> frames = new ArrayList<>();
    for (String frame = Seed004Framer.readFrame(in);
        frame != null;
        frame = Seed004Framer.readFrame(in)) {
      frames.add(frame);
    }
    return frames;
  }
}
