package securechat.tls.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyTypeTest {
  @ParameterizedTest
  @EnumSource(KeyType.class)
  void parseAcceptsTheCliNameAndGeneratedKeysAreRecognised(KeyType type) throws Exception {
    assertThat(KeyType.parse(type.cliName())).isEqualTo(type);
    assertThat(KeyType.of(type.generateKeyPair().getPublic())).isEqualTo(type);
  }

  @Test
  void namesForPeopleAndForTheCommandLine() {
    assertThat(KeyType.EC_P256.cliName()).isEqualTo("ec");
    assertThat(KeyType.RSA_2048.describe()).isEqualTo("RSA 2048");
    assertThat(KeyType.ED25519.describe()).isEqualTo("Ed25519");
  }

  @Test
  void anUnknownNameIsRefusedWithTheList() {
    assertThatThrownBy(() -> KeyType.parse("dsa"))
        .isInstanceOf(PkiException.class)
        .hasMessage("'dsa' is not a key type; choose one of ec, rsa, ed25519");
  }
}
