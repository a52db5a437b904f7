package securechat.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordHashTest {
  private static final String SALT = "c29tZXNhbHQ"; // "somesalt"
  private static final String HASH = "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

  @Test
  void parseThenFormatGivesTheSameString() throws Exception {
    String phc = "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "$" + HASH;

    PasswordHash parsed = PasswordHash.parse(phc);

    assertThat(parsed.toPhcString()).isEqualTo(phc);
    assertThat(parsed.memoryKib()).isEqualTo(65536);
    assertThat(parsed.iterations()).isEqualTo(2);
    assertThat(parsed.parallelism()).isEqualTo(1);
  }

  @Test
  void aFreshHashSurvivesFormattingAndParsing() throws Exception {
    PasswordHash original = PasswordHasher.forTests().hash("correct horse battery");

    PasswordHash parsed = PasswordHash.parse(original.toPhcString());

    assertThat(parsed.salt()).isEqualTo(original.salt());
    assertThat(parsed.hash()).isEqualTo(original.hash());
    PasswordHasher.forTests().verify("correct horse battery", parsed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedHashes")
  void parseRejectsWithASentence(String id, String phc, String sentence) {
    assertThatThrownBy(() -> PasswordHash.parse(phc))
        .isInstanceOf(MalformedHashException.class)
        .hasMessage(sentence);
  }

  @Test
  void parseErrorsNeverRepeatTheSaltOrHash() {
    String phc = "$argon2id$v=19$m=4194304,t=2,p=1$" + SALT + "$" + HASH;

    assertThatThrownBy(() -> PasswordHash.parse(phc))
        .message()
        .doesNotContain(SALT)
        .doesNotContain(HASH);
  }

  static Stream<Arguments> malformedHashes() {
    String form =
        "hash is not in the form $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>";
    return Stream.of(
        arguments(
            "bcrypt",
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
            "hash algorithm is '2b'; only argon2id is used"),
        arguments(
            "argon2i",
            "$argon2i$v=19$m=65536,t=2,p=1$" + SALT + "$" + HASH,
            "hash algorithm is 'argon2i'; only argon2id is used"),
        arguments("not a hash", "hello", "hash algorithm is 'hello'; only argon2id is used"),
        arguments(
            "version 16",
            "$argon2id$v=16$m=65536,t=2,p=1$" + SALT + "$" + HASH,
            "hash is not Argon2 version 19 (v=19); no other version is accepted"),
        arguments("no p", "$argon2id$v=19$m=65536,t=2$" + SALT + "$" + HASH, form),
        arguments("padding", "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "=$" + HASH, form),
        arguments("zero lanes", "$argon2id$v=19$m=65536,t=2,p=0$" + SALT + "$" + HASH, form),
        arguments("leading zero", "$argon2id$v=19$m=065536,t=2,p=1$" + SALT + "$" + HASH, form),
        arguments("no hash", "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "$", form),
        arguments(
            "4 GiB memory",
            "$argon2id$v=19$m=4194304,t=2,p=1$" + SALT + "$" + HASH,
            "hash parameter m=4194304 is outside 8..262144"),
        arguments(
            "ten-digit memory",
            "$argon2id$v=19$m=9999999999,t=2,p=1$" + SALT + "$" + HASH,
            "hash parameter m=9999999999 is outside 8..262144"),
        arguments(
            "under 8 KiB a lane",
            "$argon2id$v=19$m=8,t=2,p=2$" + SALT + "$" + HASH,
            "hash parameter m=8 is outside 16..262144"),
        arguments(
            "1000 passes",
            "$argon2id$v=19$m=65536,t=1000,p=1$" + SALT + "$" + HASH,
            "hash parameter t=1000 is outside 1..16"),
        arguments(
            "64 lanes",
            "$argon2id$v=19$m=65536,t=2,p=64$" + SALT + "$" + HASH,
            "hash parameter p=64 is outside 1..16"),
        arguments(
            "3-byte salt",
            "$argon2id$v=19$m=65536,t=2,p=1$AAAA$" + HASH,
            "salt is 3 bytes; expected 8..64"),
        arguments(
            "6-byte hash",
            "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "$AAAAAAAA",
            "hash is 6 bytes; expected 16..64"),
        arguments(
            "impossible base64 length",
            "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "$" + HASH + "AA",
            "hash is not valid base64"));
  }
}
