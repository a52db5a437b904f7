package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.LineFramer;
import securechat.core.channel.SealedLineChannel;
import securechat.core.protocol.ProtocolException;
import securechat.testkit.MemoryLink;

/**
 * Tokens arriving in awkward pieces, without a network: the seed lost or corrupted messages in each
 * of these cases; a framer under the sealer makes them ordinary.
 */
@Timeout(10)
class SealedLineChannelTest {
  private static final int MAX_LINE = 1024;

  private final byte[] key = EcdheHandshake.randomBytes(32);
  private final FernetSealer sender =
      new FernetSealer(new Fernet(key), Clock.systemUTC(), Optional.empty());
  private final MemoryLink link = MemoryLink.pair();
  private final OutputStream wire = outputOf(link);
  private final SealedLineChannel receiver = receiver(link, key);

  private static OutputStream outputOf(MemoryLink link) {
    try {
      return link.client().getOutputStream();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SealedLineChannel receiver(MemoryLink link, byte[] key) {
    try {
      FernetSealer opener = new FernetSealer(new Fernet(key), Clock.systemUTC(), Optional.empty());
      FernetSealer unused =
          new FernetSealer(
              new Fernet(EcdheHandshake.randomBytes(32)), Clock.systemUTC(), Optional.empty());
      LineFramer framer =
          new LineFramer(link.server().getInputStream(), FernetSealer.maxRecordBytes(MAX_LINE));
      return new SealedLineChannel(
          link.server(),
          framer,
          unused,
          opener,
          MAX_LINE,
          new ChannelInfo("ecdhe", "test", List.of()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] token(String line) {
    return (sender.seal(line.getBytes(UTF_8)) + "\n").getBytes(US_ASCII);
  }

  @Test
  void twoTokensInOneWriteAreTwoLines() throws Exception {
    byte[] first = token("one");
    byte[] second = token("two");
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);

    wire.write(both);

    assertThat(receiver.receive()).isEqualTo("one");
    assertThat(receiver.receive()).isEqualTo("two");
  }

  @Test
  void aTokenSplitAcrossWritesWithAPauseIsOneLine() throws Exception {
    byte[] whole = token("x".repeat(700)); // over the seed's 1024-character read
    Thread writer =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    wire.write(whole, 0, 10);
                    wire.flush();
                    Thread.sleep(200); // a pause in the middle of a token, on purpose
                    wire.write(whole, 10, 500);
                    wire.write(whole, 510, whole.length - 510);
                  } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                });

    assertThat(receiver.receive()).isEqualTo("x".repeat(700));
    writer.join();
  }

  @Test
  void anOversizeTokenIsOneErrorAndTheNextLineStillArrives() throws Exception {
    wire.write(token("y".repeat(MAX_LINE + 200)));
    wire.write(token("after"));

    assertThatThrownBy(receiver::receive)
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("line is longer than 1024 bytes");
    assertThat(receiver.receive()).isEqualTo("after");
  }

  @Test
  void halfATokenAtTheEndOfTheStreamIsDropped() throws Exception {
    byte[] whole = token("lost");
    wire.write(whole, 0, whole.length / 2);
    link.client().close();

    assertThat(receiver.receive()).isNull();
  }

  @Test
  void aTamperedTokenEndsTheChannelWithoutSayingWhichCheck() throws Exception {
    byte[] changed = token("hello");
    changed[20] = (byte) (changed[20] == 'A' ? 'B' : 'A');
    wire.write(changed);

    assertThatThrownBy(receiver::receive)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("record refused (TAMPERED)");
  }
}
