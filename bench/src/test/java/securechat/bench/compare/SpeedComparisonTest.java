package securechat.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpeedComparisonTest {
  /** The end of {@code openssl speed -seconds 1 ed25519 ecdhx25519}, OpenSSL 3.0. */
  private static final String OUTPUT =
      """
      CPUINFO: OPENSSL_ia32cap=0xfffa3203078bffff:0x405fc6f1bf07ab
                                    op      op/s
       253 bits ecdh (X25519)   0.0000s  30108.3
                                    sign    verify    sign/s verify/s
       253 bits EdDSA (Ed25519)   0.0000s   0.0001s  24646.2   9173.3
      """;

  @Test
  void readsSignVerifyAndAgreementRates() {
    Pattern ed25519 = SpeedComparison.ED25519;
    Pattern x25519 = SpeedComparison.X25519;

    assertThat(SpeedComparison.rate(Optional.of(OUTPUT), ed25519, 1)).hasValue(24646.2);
    assertThat(SpeedComparison.rate(Optional.of(OUTPUT), ed25519, 2)).hasValue(9173.3);
    assertThat(SpeedComparison.rate(Optional.of(OUTPUT), x25519, 1)).hasValue(30108.3);
  }

  @Test
  void missingLineGivesNoRate() {
    String withoutX25519 = OUTPUT.replace("X25519", "X448");

    assertThat(SpeedComparison.rate(Optional.of(withoutX25519), SpeedComparison.X25519, 1))
        .isEmpty();
  }
}
