package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Username;

/** The server's signed directory entries: what verifies, what does not, and what parse refuses. */
class SignedKeyEntryTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Username ALICE = new Username("alice");
  private static final Username CAROL = new Username("carol");
  private static final Instant BOUND_AT = Instant.parse("2026-11-24T10:00:00Z");
  private static final ServerIdentity SERVER = serverIdentity();
  private static final PublicIdentity ALICE_KEYS = IdentityKeys.generate(RANDOM).publicIdentity();
  private static final PublicIdentity OTHER_KEYS = IdentityKeys.generate(RANDOM).publicIdentity();
  private static final SignedKeyEntry ENTRY = sign(ALICE, ALICE_KEYS, BOUND_AT);

  @Test
  void anEntrySignedByTheServerVerifiesWithItsKey() {
    assertThatCode(() -> ENTRY.verify(SERVER.publicKey())).doesNotThrowAnyException();
    assertThat(ENTRY.signature()).hasSize(Ed25519.SIGNATURE_BYTES);
  }

  @Test
  void encodeIsVersionKeysSecondsAndSignature() {
    assertThat(ENTRY.encode())
        .isEqualTo(
            "1 "
                + ALICE_KEYS.signingKeyBase64()
                + " "
                + ALICE_KEYS.encryptionKeyBase64()
                + " 1795514400 "
                + Base64.getEncoder().encodeToString(ENTRY.signature()));
  }

  @Test
  void encodeThenParseGivesTheSameEntryAndItStillVerifies() throws Exception {
    SignedKeyEntry parsed = SignedKeyEntry.parse(ALICE, ENTRY.encode());

    assertThat(parsed).isEqualTo(ENTRY);
    assertThat(parsed.encode()).isEqualTo(ENTRY.encode());
    parsed.verify(SERVER.publicKey());
  }

  @Test
  void anEntryBoundWithinASecondStillVerifiesAfterParseSinceSecondsAreSigned() throws Exception {
    SignedKeyEntry entry = sign(ALICE, ALICE_KEYS, BOUND_AT.plusMillis(250));

    SignedKeyEntry parsed = SignedKeyEntry.parse(ALICE, entry.encode());

    assertThat(parsed.boundAt()).isEqualTo(BOUND_AT);
    parsed.verify(SERVER.publicKey());
  }

  static Stream<Arguments> changedEntries() {
    PublicIdentity otherSigningKey =
        new PublicIdentity(OTHER_KEYS.signingKey(), ALICE_KEYS.encryptionKey());
    PublicIdentity otherEncryptionKey =
        new PublicIdentity(ALICE_KEYS.signingKey(), OTHER_KEYS.encryptionKey());
    byte[] sig = ENTRY.signature();
    return Stream.of(
        Arguments.of("name", new SignedKeyEntry(CAROL, ALICE_KEYS, BOUND_AT, sig)),
        Arguments.of("signing key", new SignedKeyEntry(ALICE, otherSigningKey, BOUND_AT, sig)),
        Arguments.of(
            "encryption key", new SignedKeyEntry(ALICE, otherEncryptionKey, BOUND_AT, sig)),
        Arguments.of("both keys", new SignedKeyEntry(ALICE, OTHER_KEYS, BOUND_AT, sig)),
        Arguments.of("time", new SignedKeyEntry(ALICE, ALICE_KEYS, BOUND_AT.plusSeconds(1), sig)),
        Arguments.of("time", new SignedKeyEntry(ALICE, ALICE_KEYS, BOUND_AT.minusSeconds(1), sig)),
        Arguments.of(
            "signature cut",
            new SignedKeyEntry(ALICE, ALICE_KEYS, BOUND_AT, Arrays.copyOf(sig, 63))),
        Arguments.of(
            "signature with a byte more",
            new SignedKeyEntry(ALICE, ALICE_KEYS, BOUND_AT, Arrays.copyOf(sig, 65))),
        Arguments.of("no signature", new SignedKeyEntry(ALICE, ALICE_KEYS, BOUND_AT, new byte[0])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedEntries")
  void aChangedEntryFailsVerifyWithASentenceNamingTheUser(String what, SignedKeyEntry changed) {
    assertThatThrownBy(() -> changed.verify(SERVER.publicKey()))
        .isInstanceOf(SignatureException.class)
        .hasMessage(
            "the directory entry of "
                + changed.name()
                + " is not signed by the server's identity key");
  }

  static IntStream everySignatureBit() {
    return IntStream.range(0, Ed25519.SIGNATURE_BYTES * 8);
  }

  @ParameterizedTest(name = "bit {0}")
  @MethodSource("everySignatureBit")
  void everyBitFlipOfTheSignatureFailsVerify(int bit) {
    byte[] signature = ENTRY.signature();
    signature[bit / 8] ^= (byte) (1 << (bit % 8));
    SignedKeyEntry flipped = new SignedKeyEntry(ALICE, ALICE_KEYS, BOUND_AT, signature);

    assertThatThrownBy(() -> flipped.verify(SERVER.publicKey()))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void anotherServersKeyFailsVerify() {
    assertThatThrownBy(() -> ENTRY.verify(serverIdentity().publicKey()))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void anEntryAnotherServerSignedFailsVerifyWithThisServersKey() throws Exception {
    SignedKeyEntry foreign = SignedKeyEntry.sign(ALICE, ALICE_KEYS, BOUND_AT, serverIdentity());

    assertThatThrownBy(() -> foreign.verify(SERVER.publicKey()))
        .isInstanceOf(SignatureException.class);
  }

  static Stream<Arguments> malformedEntries() {
    String[] f = ENTRY.encode().split(" ");
    String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("version 2", replaced(f, 0, "2")),
        Arguments.of("4 fields", String.join(" ", Arrays.copyOf(f, 4))),
        Arguments.of("6 fields", String.join(" ", f) + " more"),
        Arguments.of("a trailing space", String.join(" ", f) + " "),
        Arguments.of("signing key not Base64", replaced(f, 1, "not*base64")),
        Arguments.of("signing key 31 bytes", replaced(f, 1, shortKey)),
        Arguments.of("encryption key unpadded", replaced(f, 2, f[2].replace("=", ""))),
        Arguments.of("encryption key 31 bytes", replaced(f, 2, shortKey)),
        Arguments.of("time not a number", replaced(f, 3, "yesterday")),
        Arguments.of("time past a long", replaced(f, 3, "99999999999999999999")),
        Arguments.of("time past Instant.MAX", replaced(f, 3, Long.toString(Long.MAX_VALUE))),
        Arguments.of("signature not Base64", replaced(f, 4, "!!!!")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedEntries")
  void parseRefusesAMalformedEntryWithASentence(String what, String entry) {
    assertThatThrownBy(() -> SignedKeyEntry.parse(ALICE, entry))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .isNotBlank()
        .doesNotContain("Exception");
  }

  @Test
  void parseNamesTheUserWhenTheFormIsWrong() {
    assertThatThrownBy(() -> SignedKeyEntry.parse(ALICE, "2 a b c d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the directory entry of alice is not '1 SIGNING-KEY ENCRYPTION-KEY TIME SIG'");
    assertThatThrownBy(
            () -> SignedKeyEntry.parse(ALICE, replaced(ENTRY.encode().split(" "), 3, "x")))
        .hasMessage("the directory entry of alice has a bad time");
  }

  private static String replaced(String[] fields, int index, String value) {
    String[] copy = fields.clone();
    copy[index] = value;
    return String.join(" ", copy);
  }

  private static SignedKeyEntry sign(Username name, PublicIdentity keys, Instant boundAt) {
    try {
      return SignedKeyEntry.sign(name, keys, boundAt, SERVER);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ServerIdentity serverIdentity() {
    try {
      return ServerIdentity.generate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
