package securechat.core.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;

class PasswordPolicyTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"12345678", "correct horse battery staple", "pässwörd", "🔑🔑🔑🔑🔑🔑🔑🔑"})
  void acceptsPasswordsOf8To128Characters(String password) {
    assertThatCode(() -> PasswordPolicy.check(password)).doesNotThrowAnyException();
  }

  @Test
  void accepts128CharactersExactly() {
    assertThatCode(() -> PasswordPolicy.check("a".repeat(128))).doesNotThrowAnyException();
  }

  @Test
  void rejectsAShortPasswordWithoutRepeatingIt() {
    assertThatThrownBy(() -> PasswordPolicy.check("hunter2"))
        .isInstanceOf(ProtocolException.class)
        .hasFieldOrPropertyWithValue("code", ErrorCode.BAD_PASSWORD)
        .hasMessage("password is 7 characters; the minimum is 8");
  }

  @Test
  void rejectsALongPassword() {
    assertThatThrownBy(() -> PasswordPolicy.check("a".repeat(129)))
        .hasMessage("password is 129 characters; the maximum is 128");
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // Seven emoji are fourteen UTF-16 units but seven characters.
    assertThatThrownBy(() -> PasswordPolicy.check("🔑".repeat(7)))
        .hasMessage("password is 7 characters; the minimum is 8");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"secret\tpassword", "secret\npassword", "secret\u0000password", "secret\u007f!"})
  void rejectsControlCharactersWithoutRepeatingThePassword(String password) {
    assertThatThrownBy(() -> PasswordPolicy.check(password))
        .isInstanceOf(ProtocolException.class)
        .hasFieldOrPropertyWithValue("code", ErrorCode.BAD_PASSWORD)
        .hasMessage(
            "password contains a control character (tab, newline, ...); "
                + "passwords are 8-128 characters, without control characters");
  }

  @Test
  void rejectsAMissingPassword() {
    assertThatThrownBy(() -> PasswordPolicy.check(null))
        .hasMessage(
            "no password given; passwords are 8-128 characters, without control characters");
  }
}
