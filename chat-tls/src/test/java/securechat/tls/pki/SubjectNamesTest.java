package securechat.tls.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"localhost", "alice", "chat.example", "a", "10.0.0.1", "x-1"})
  void goodIdentityNamesAreAccepted(String name) {
    assertThatCode(() -> SubjectNames.checkIdentityName(name)).doesNotThrowAnyException();
    assertThat(SubjectNames.isIdentityName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Alice",
        "../etc",
        "a/b",
        "a\\b",
        "-a",
        ".hidden",
        "a b",
        "é",
        "x234567890123456789012345678901234567890123456789012345678901234"
      })
  void badIdentityNamesAreRefusedWithTheRule(String name) {
    assertThatThrownBy(() -> SubjectNames.checkIdentityName(name))
        .isInstanceOf(PkiException.class)
        .hasMessageEndingWith(
            "is not a valid certificate name; names are 1-63 characters: lowercase letters,"
                + " digits, '.' and '-', starting with a letter or digit");
    assertThat(SubjectNames.isIdentityName(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ca", "localhost-key", "ca-key"})
  void namesOfThePkiOwnFilesAreReserved(String name) {
    assertThatThrownBy(() -> SubjectNames.checkIdentityName(name))
        .hasMessage(
            "'" + name + "' is reserved for the files of the lab PKI itself; pick another name");
  }

  @Test
  void aControlCharacterInANameIsNotEchoed() {
    assertThatThrownBy(() -> SubjectNames.checkIdentityName("a\u001b[2Jb"))
        .hasMessageStartingWith("'a?[2Jb' is not a valid certificate name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "chat.example", "a-b.example", "xn--bcher-kva.example"})
  void hostNames(String name) {
    assertThat(SubjectNames.isHostName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a..b", "-a.example", "a-.example", "10.0.0.1", "a_b", "a.example."})
  void notHostNames(String name) {
    assertThat(SubjectNames.isHostName(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.5", "::1", "fe80::1", "2001:db8::42"})
  void ipLiteralsAreAccepted(String address) {
    assertThatCode(() -> SubjectNames.checkIpAddress(address)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "1.2.3", "256.0.0.1", "1.2.3.4.5", ":::", "10.0.0.1/8"})
  void anythingElseIsNotAnIpAddress(String address) {
    assertThatThrownBy(() -> SubjectNames.checkIpAddress(address))
        .hasMessage(
            "'" + address + "' is not an IP address; write IPv4 as 127.0.0.1 or IPv6 as ::1");
  }
}
