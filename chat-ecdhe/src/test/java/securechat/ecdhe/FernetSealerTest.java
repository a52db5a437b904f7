package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordException.Reason;

/** The attacks on a stream of tokens that must fail: tamper, replay, reorder, drop, reflect. */
class FernetSealerTest {
  private final byte[] clientToServer = EcdheHandshake.randomBytes(32);
  private final byte[] serverToClient = EcdheHandshake.randomBytes(32);
  private final FernetSealer alice = sealer(clientToServer);
  private final FernetSealer serverOpens = sealer(clientToServer);
  private final FernetSealer serverSeals = sealer(serverToClient);

  private static FernetSealer sealer(byte[] key) {
    return new FernetSealer(new Fernet(key), Clock.systemUTC(), Optional.empty());
  }

  private static byte[] line(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void linesArriveInOrder() throws Exception {
    String first = alice.seal(line("hello"));
    String second = alice.seal(line("world"));

    assertThat(new String(serverOpens.open(first), UTF_8)).isEqualTo("hello");
    assertThat(new String(serverOpens.open(second), UTF_8)).isEqualTo("world");
  }

  @Test
  void aReplayedTokenIsRefused() throws Exception {
    String token = alice.seal(line("/whisper bob pay mallory"));
    serverOpens.open(token);

    assertThatThrownBy(() -> serverOpens.open(token))
        .isInstanceOf(RecordException.class)
        .extracting(e -> ((RecordException) e).reason())
        .isEqualTo(Reason.REPLAYED);
  }

  @Test
  void reorderedOrDroppedTokensAreRefused() throws Exception {
    String first = alice.seal(line("one"));
    String second = alice.seal(line("two"));

    assertThatThrownBy(() -> serverOpens.open(second))
        .isInstanceOf(RecordException.class)
        .extracting(e -> ((RecordException) e).reason())
        .isEqualTo(Reason.OUT_OF_ORDER);
    assertThat(new String(serverOpens.open(first), UTF_8)).isEqualTo("one");
  }

  @Test
  void aTokenReflectedBackToItsSenderIsRefused() {
    String fromServer = serverSeals.seal(line("MSG bob hi"));

    // Alice's own direction uses the other key, so the server's token does not verify for it.
    assertThatThrownBy(() -> serverOpens.open(fromServer))
        .isInstanceOf(RecordException.class)
        .extracting(e -> ((RecordException) e).reason())
        .isEqualTo(Reason.TAMPERED);
  }

  @Test
  void everyBitFlipIsRefused() {
    byte[] token = Base64.getUrlDecoder().decode(alice.seal(line("secret")));
    for (int bit = 0; bit < token.length * 8; bit++) {
      byte[] flipped = token.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      String changed = Base64.getUrlEncoder().encodeToString(flipped);
      assertThatThrownBy(() -> sealer(clientToServer).open(changed))
          .as("bit %d", bit)
          .isInstanceOf(RecordException.class);
    }
  }

  @Test
  void aSkippedTokenKeepsTheCountInStep() throws Exception {
    alice.seal(line("far too long, never opened"));
    String next = alice.seal(line("next"));
    serverOpens.skipOne();

    assertThat(new String(serverOpens.open(next), UTF_8)).isEqualTo("next");
  }

  @Test
  void theRecordLimitIsExactlyTheLengthOfTheToken() {
    for (int lineBytes = 0; lineBytes <= 100; lineBytes++) {
      assertThat(alice.seal(new byte[lineBytes]))
          .as("%d bytes", lineBytes)
          .hasSize(FernetSealer.maxRecordBytes(lineBytes));
    }
  }
}
