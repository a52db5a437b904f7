package securechat.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import securechat.core.cli.ConfigException;

class LoopbackTest {

  @Test
  void loopbackNamesAndAddressesAreAccepted() throws ConfigException {
    assertThat(Loopback.require("127.0.0.1").isLoopbackAddress()).isTrue();
    assertThat(Loopback.require("localhost").isLoopbackAddress()).isTrue();
    assertThat(Loopback.require("::1").isLoopbackAddress()).isTrue();
    assertThat(Loopback.require("127.8.9.10").isLoopbackAddress()).isTrue();
  }

  @Test
  void anyOtherAddressIsRefusedWithAHint() {
    assertThatThrownBy(() -> Loopback.require("192.0.2.7"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the attack tools target loopback only; '192.0.2.7' is 192.0.2.7");
    assertThatThrownBy(() -> Loopback.require("10.0.0.1")).isInstanceOf(ConfigException.class);
  }

  @Test
  void anUnresolvableNameIsOneSentence() {
    assertThatThrownBy(() -> Loopback.require("no-such-host.invalid"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown host 'no-such-host.invalid'");
  }
}
