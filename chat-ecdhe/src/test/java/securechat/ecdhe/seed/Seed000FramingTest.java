package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.core.channel.RecordException;
import securechat.ecdhe.Fernet;
import securechat.testkit.PiecesInputStream;

/**
 * Both framings read tokens however the bytes are cut into reads: split, joined, or both. No
 * network: the reads come from a stream that hands out given pieces, one per {@code read}.
 */
@Timeout(10)
class Seed000FramingTest {
  private static final Fernet FERNET = new Fernet(new byte[32]);
  private static final Predicate<String> AUTHENTIC = Seed000FramingTest::isAuthentic;

  // Plaintext sizes giving every token shape: "==" (100 chars), "=" (120), no padding (140 and
  // 204), and a token over 1024 characters (the seed's read size).
  private static final int[] SHAPES = {0, 16, 32, 80, 704};

  @ParameterizedTest(name = "plaintext of {0} bytes")
  @ValueSource(ints = {0, 16, 32, 80, 704})
  void rawTokenSplitAtEveryPlaceArrivesWhole(int plaintextBytes) throws IOException {
    String token = token(plaintextBytes);
    for (int cut = 1; cut < token.length(); cut++) {
      byte[] bytes = token.getBytes(US_ASCII);
      TokenReader reader =
          rawReader(
              Arrays.copyOfRange(bytes, 0, cut), Arrays.copyOfRange(bytes, cut, bytes.length));

      assertThat(reader.readToken()).as("cut at %d", cut).isEqualTo(token);
      assertThat(reader.readToken()).isNull();
    }
  }

  @Test
  void rawTokensOfEveryShapeJoinedInOneReadAllArrive() throws IOException {
    List<String> tokens = new ArrayList<>();
    for (int first : SHAPES) {
      for (int second : SHAPES) {
        tokens.add(token(first));
        tokens.add(token(second));
      }
    }
    TokenReader reader = rawReader(String.join("", tokens).getBytes(US_ASCII));

    assertThat(readAll(reader)).containsExactlyElementsOf(tokens);
  }

  @Test
  void rawTokensJoinedAndSplitInSevenBytePiecesAllArrive() throws IOException {
    List<String> tokens = List.of(token(32), token(80), token(0), token(704), token(32));
    byte[] all = String.join("", tokens).getBytes(US_ASCII);

    assertThat(readAll(rawReader(pieces(all, 7)))).containsExactlyElementsOf(tokens);
  }

  @Test
  void rawUnpaddedPrefixOfALongerTokenIsNotTakenForAToken() throws IOException {
    String token = token(80); // 204 characters, no padding; its first 140 look like a token
    assertThat(token).hasSize(204).doesNotContain("=");
    byte[] bytes = token.getBytes(US_ASCII);

    TokenReader reader =
        rawReader(Arrays.copyOfRange(bytes, 0, 140), Arrays.copyOfRange(bytes, 140, 204));

    assertThat(reader.readToken()).isEqualTo(token);
  }

  @Test
  void rawChangedUnpaddedTokenIsCutByTheNextOneAndNotMergedWithIt() throws IOException {
    String original = token(32);
    char flipped = original.charAt(70) == 'x' ? 'y' : 'x';
    String changed = original.substring(0, 70) + flipped + original.substring(71);
    String next = token(32);

    TokenReader reader = rawReader(changed.getBytes(US_ASCII), next.getBytes(US_ASCII));

    assertThat(reader.readToken()).isEqualTo(changed);
    assertThat(reader.readToken()).isEqualTo(next);
    assertThatThrownBy(() -> FERNET.decrypt(changed, Instant.now(), Optional.empty()))
        .isInstanceOf(RecordException.class);
  }

  @Test
  void rawBytesBeforeATokenAreReturnedOnTheirOwnSoTheyCanBeRefused() throws IOException {
    String token = token(16);

    TokenReader reader = rawReader(("hello" + token).getBytes(US_ASCII));

    assertThat(readAll(reader)).containsExactly("hello", token);
  }

  @Test
  void rawTokenCutShortByTheEndOfTheConnectionIsReturnedForRefusal() throws IOException {
    String token = token(32);

    TokenReader reader = rawReader(token.substring(0, 50).getBytes(US_ASCII));

    assertThat(readAll(reader)).containsExactly(token.substring(0, 50));
  }

  @Test
  void rawTextWithoutAnyTokenEndIsRefusedPastTheMaximum() {
    byte[] endless = new byte[SeedFraming.MAX_TOKEN_BYTES + 10];
    Arrays.fill(endless, (byte) 'g');

    assertThatThrownBy(() -> rawReader(pieces(endless, 8192)).readToken())
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("no token ends within")
        .hasMessageEndingWith("bytes of raw text; the maximum is 65536");
  }

  @Test
  void len32FramesSplitAndJoinedAllArrive() throws IOException {
    List<String> tokens = List.of(token(0), token(704), token(32));
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (String token : tokens) {
      SeedFraming.LEN32.writeToken(wire, token);
    }

    assertThat(readAll(len32Reader(pieces(wire.toByteArray(), 3)))).isEqualTo(tokens);
    assertThat(readAll(len32Reader(wire.toByteArray()))).isEqualTo(tokens);
  }

  @Test
  void len32WritesABigEndianLengthThenTheToken() throws IOException {
    String token = token(0);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();

    SeedFraming.LEN32.writeToken(wire, token);

    byte[] bytes = wire.toByteArray();
    assertThat(Arrays.copyOfRange(bytes, 0, 4)).containsExactly(0, 0, 0, 100);
    assertThat(new String(bytes, 4, bytes.length - 4, US_ASCII)).isEqualTo(token);
  }

  @Test
  void rawWritesTheTokenTextAlone() throws IOException {
    String token = token(0);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();

    SeedFraming.RAW.writeToken(wire, token);

    assertThat(wire.toString(US_ASCII)).isEqualTo(token);
  }

  @Test
  void len32LengthOverTheMaximumIsRefusedBeforeAllocating() {
    byte[] hugeLength = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 'g', 'A'};

    assertThatThrownBy(() -> len32Reader(hugeLength).readToken())
        .isInstanceOf(IOException.class)
        .hasMessage("the peer announced a token of 4294967295 bytes; the maximum is 65536");
  }

  @Test
  void len32EndInsideAFrameIsAnError() {
    assertThatThrownBy(() -> len32Reader(new byte[] {0, 0}).readToken())
        .isInstanceOf(EOFException.class)
        .hasMessage("the connection ended inside a length prefix, after 2 of 4 bytes");
    assertThatThrownBy(() -> len32Reader(new byte[] {0, 0, 0, 100, 'g'}).readToken())
        .isInstanceOf(EOFException.class)
        .hasMessage("the connection ended inside a token, after 1 of 100 bytes");
  }

  @Test
  void tokenCharsMatchesWhatFernetMakes() {
    for (int bytes : new int[] {0, 15, 16, 703, 704, 5000}) {
      assertThat(Seed000Session.tokenChars(bytes)).as("%d bytes", bytes).isEqualTo(tokenOf(bytes));
    }
    // seed-protocols.md: "a token longer than 1024 characters (plaintext of 704 bytes or more)"
    assertThat(Seed000Session.tokenChars(703)).isLessThanOrEqualTo(1024);
    assertThat(Seed000Session.tokenChars(704)).isGreaterThan(1024);
  }

  @Test
  void framingNamesAreTheCommandLineNames() {
    assertThat(SeedFraming.parse("raw")).isEqualTo(SeedFraming.RAW);
    assertThat(SeedFraming.parse("len32")).isEqualTo(SeedFraming.LEN32);
    assertThatThrownBy(() -> SeedFraming.parse("json"))
        .hasMessage("unknown seed 000 framing 'json'; the choices are raw, len32");
  }

  private static int tokenOf(int plaintextBytes) {
    return token(plaintextBytes).length();
  }

  private static String token(int plaintextBytes) {
    byte[] plaintext = "x".repeat(plaintextBytes).getBytes(UTF_8);
    return FERNET.encrypt(plaintext, Instant.now());
  }

  private static boolean isAuthentic(String token) {
    try {
      FERNET.decrypt(token, Instant.now(), Optional.empty());
      return true;
    } catch (RecordException e) {
      return false;
    }
  }

  private static List<String> readAll(TokenReader reader) throws IOException {
    List<String> tokens = new ArrayList<>();
    for (String token = reader.readToken(); token != null; token = reader.readToken()) {
      tokens.add(token);
    }
    return tokens;
  }

  private static TokenReader rawReader(byte[]... pieces) {
    return SeedFraming.RAW.newReader(new PiecesInputStream(pieces), AUTHENTIC);
  }

  private static TokenReader len32Reader(byte[]... pieces) {
    return SeedFraming.LEN32.newReader(new PiecesInputStream(pieces), AUTHENTIC);
  }

  private static byte[][] pieces(byte[] all, int size) {
    List<byte[]> pieces = new ArrayList<>();
    for (int start = 0; start < all.length; start += size) {
      pieces.add(Arrays.copyOfRange(all, start, Math.min(all.length, start + size)));
    }
    return pieces.toArray(byte[][]::new);
  }
}
