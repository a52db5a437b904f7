package securechat.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import securechat.core.channel.LineFramer;

/**
 * Fuzzes the path every byte from a peer takes: {@link LineFramer} cuts the bytes into lines, and
 * {@link MessageCodec} decodes each line, as the server decodes a client's commands and as a client
 * decodes the server's lines. The only failure a peer may cause is a {@link ProtocolException}, a
 * sentence for an {@code ERR} line; any other exception is a bug in the parser.
 *
 * <p>Seeds: {@code ProtocolLineFuzzTestInputs/lines/}, one real line of each command and each
 * server line. {@code ./lab test} replays them (and every crash ever found) as regression cases;
 * {@code ./lab fuzz} fuzzes from them (DEVELOPERS.md, "Fuzzing").
 */
class ProtocolLineFuzzTest {
  /** Small, so that the fuzzer reaches the too-long path and the resynchronisation after it. */
  private static final int MAX_LINE_BYTES = 256;

  private final MessageCodec codec = new MessageCodec(Limits.DEFAULTS);

  /**
   * Every line decodes, or fails with a {@link ProtocolException}; a line that decodes encodes back
   * to a line that decodes to the same message; the framer never returns a line over its limit.
   */
  @FuzzTest
  void lines(byte[] untrustedBytes) throws IOException {
    LineFramer framer = new LineFramer(new ByteArrayInputStream(untrustedBytes), MAX_LINE_BYTES);
    // Each call consumes at least one byte or ends the stream, so this loop ends.
    for (int lines = 0; lines <= untrustedBytes.length; lines++) {
      String line;
      try {
        line = framer.readLine();
      } catch (ProtocolException tooLongOrNotUtf8) {
        continue;
      }
      if (line == null) {
        return;
      }
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MAX_LINE_BYTES);
      assertThat(line).doesNotContain("\n");
      decodeAsCommand(line);
      decodeAsReply(line);
    }
    throw new AssertionError("the framer returned more lines than there were bytes");
  }

  private void decodeAsCommand(String line) {
    ClientMessage command;
    try {
      command = codec.decodeCommand(line);
    } catch (ProtocolException expected) {
      return;
    }
    assertThat(roundTripCommand(command)).isEqualTo(command);
  }

  private void decodeAsReply(String line) {
    ServerMessage reply;
    try {
      reply = codec.decodeReply(line);
    } catch (ProtocolException expected) {
      return;
    }
    assertThat(roundTripReply(reply)).isEqualTo(reply);
  }

  private ClientMessage roundTripCommand(ClientMessage command) {
    try {
      return codec.decodeCommand(codec.encode(command));
    } catch (ProtocolException e) {
      throw new AssertionError("the encoding of " + command + " does not decode: " + e, e);
    }
  }

  private ServerMessage roundTripReply(ServerMessage reply) {
    try {
      return codec.decodeReply(codec.encode(reply));
    } catch (ProtocolException e) {
      throw new AssertionError("the encoding of " + reply + " does not decode: " + e, e);
    }
  }
}
