package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import securechat.core.channel.RecordException;

/**
 * Fuzzes Fernet token parsing and decryption ({@link Fernet#decrypt}) and the ecdhe stage's record
 * opening on top of it ({@link FernetSealer#open}). The documented failure is a {@link
 * RecordException}; anything else is a bug.
 *
 * <p>A fuzzer cannot forge an HMAC, so random tokens never get past the HMAC check. An input that
 * starts with the version byte 0x80 is therefore taken as a token's bytes without the HMAC, and the
 * test appends the right one: the time check, the padding and the sealer's sequence number then see
 * fuzzed input too. Any other input is taken as token text. The key and the time are those of the
 * Fernet spec's vectors, so the spec's tokens are valid seeds.
 *
 * <p>Seeds: {@code FernetFuzzTestInputs/tokens/}: the spec's valid and invalid tokens, as text and
 * as bytes without their HMAC.
 */
class FernetFuzzTest {
  private static final byte[] KEY =
      Base64.getUrlDecoder().decode("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=");
  private static final Instant NOW = Instant.parse("1985-10-26T08:20:01Z");
  private static final Optional<Duration> TTL = Optional.of(Duration.ofSeconds(60));
  private static final int HEADER_BYTES = 1 + 8 + 16;

  private final Fernet fernet = new Fernet(KEY);

  @FuzzTest
  void tokens(byte[] untrustedBytes) throws GeneralSecurityException {
    String token =
        untrustedBytes.length > 0 && untrustedBytes[0] == (byte) 0x80
            ? withRightHmac(untrustedBytes)
            : new String(untrustedBytes, StandardCharsets.ISO_8859_1);
    decrypt(token);
    open(token);
  }

  private void decrypt(String token) {
    byte[] plaintext;
    try {
      plaintext = fernet.decrypt(token, NOW, TTL);
    } catch (RecordException expected) {
      return;
    }
    // An accepted token is exactly what encrypt makes of its plaintext, time and IV.
    byte[] data = Base64.getUrlDecoder().decode(token);
    long timestamp = ByteBuffer.wrap(data, 1, 8).getLong();
    byte[] iv = Arrays.copyOfRange(data, 9, HEADER_BYTES);
    String again = fernet.encrypt(plaintext, Instant.ofEpochSecond(timestamp), iv);
    assertThat(Base64.getUrlDecoder().decode(again)).isEqualTo(data);
  }

  private void open(String token) {
    FernetSealer sealer = new FernetSealer(fernet, Clock.fixed(NOW, ZoneOffset.UTC), TTL);
    byte[] line;
    try {
      line = sealer.open(token);
    } catch (RecordException expected) {
      return;
    }
    assertThat(line.length).isLessThan(Base64.getUrlDecoder().decode(token).length);
  }

  /** The token text of {@code body} followed by its HMAC under the key's signing half. */
  private static String withRightHmac(byte[] body) throws GeneralSecurityException {
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(KEY, 0, 16, "HmacSHA256"));
    byte[] mac = hmac.doFinal(body);
    byte[] token = Arrays.copyOf(body, body.length + mac.length);
    System.arraycopy(mac, 0, token, body.length, mac.length);
    return Base64.getUrlEncoder().encodeToString(token);
  }
}
