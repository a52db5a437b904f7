package securechat.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.Limits;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;

/**
 * Lines per second through {@link MessageCodec}, the protocol's parser, in the three places every
 * stage uses it: the server decodes each line a client sends ({@code decodeCommand}), encodes each
 * line it delivers, once per recipient ({@code encodeReply}), and each client decodes what arrives
 * ({@code decodeReply}).
 *
 * <p>The {@code line} parameter picks a realistic line: {@code chat} is a 60-character broadcast,
 * {@code whisper} a private message, {@code login} a login (answered by {@code OK}), {@code long} a
 * 4 KiB pasted paragraph. Every stage runs this code for every line after the channel has opened
 * it, so compare it with the stages' own record costs ({@link FernetBenchmark} for ecdhe): the
 * parser should be a small part of a line's cost, and of the plain stage's broadcast target in
 * issue 11 (300,000 deliveries/s).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LineParserBenchmark {
  private static final String CHAT_TEXT =
      "Anyone up for the lab on Thursday? I have the TLS part done.";
  private static final int LONG_LINE_BYTES = 4096;

  @Param({"chat", "whisper", "login", "long"})
  public String line;

  private final MessageCodec codec = new MessageCodec(Limits.DEFAULTS);
  private String clientLine;
  private String serverLine;
  private ServerMessage reply;

  @Setup
  public void setUp() throws ProtocolException {
    switch (line) {
      case "chat" -> {
        clientLine = CHAT_TEXT;
        serverLine = "MSG alice " + CHAT_TEXT;
      }
      case "whisper" -> {
        clientLine = "/whisper bob meet me after class, I will bring the notes";
        serverLine = "WHISPER alice bob meet me after class, I will bring the notes";
      }
      case "login" -> {
        clientLine = "/login alice correct-horse-battery-1";
        serverLine = "OK logged in as alice; 12 online";
      }
      case "long" -> {
        clientLine = longText();
        serverLine = "MSG alice " + clientLine;
      }
      default -> throw new IllegalArgumentException("no line named " + line);
    }
    reply = codec.decodeReply(serverLine);
    checkRoundTrip();
  }

  /** A paragraph of ASCII chat text, exactly {@link #LONG_LINE_BYTES} long. */
  private static String longText() {
    String paragraph = (CHAT_TEXT + " ").repeat(LONG_LINE_BYTES / CHAT_TEXT.length() + 1);
    return paragraph.substring(0, LONG_LINE_BYTES - 1) + "!";
  }

  /** Proves the inputs are what the scores claim: valid lines that encode back to themselves. */
  private void checkRoundTrip() throws ProtocolException {
    codec.decodeCommand(clientLine);
    if (!codec.encode(reply).equals(serverLine)) {
      throw new IllegalStateException("the " + line + " reply does not encode back to its line");
    }
  }

  @Benchmark
  public ClientMessage decodeCommand() throws ProtocolException {
    return codec.decodeCommand(clientLine);
  }

  @Benchmark
  public String encodeReply() {
    return codec.encode(reply);
  }

  @Benchmark
  public ServerMessage decodeReply() throws ProtocolException {
    return codec.decodeReply(serverLine);
  }
}
