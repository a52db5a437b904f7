package securechat.attacks.downgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.attacks.Victims;

/**
 * {@code lab attack downgrade --stage ecdhe}: a relay strips the real server's signature from the
 * handshake. alice's client as shipped refuses; with {@code --insecure-no-auth} she is read in
 * clear. And the default run, which shows a student both refusals.
 */
@Timeout(60)
class DowngradeEcdheIT {
  private static final String REFUSAL =
      "the server did not sign the handshake (it runs --insecure-no-auth, or someone in the"
          + " middle removed its identity); refusing an unauthenticated exchange";

  @TempDir Path dataDir;

  @Test
  void strongClientRefusesTheUnsignedHandshakeAndSaysSo() throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir, "--stage", "ecdhe");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.verdict().get("target").asText()).isEqualTo("ecdhe client");
    assertThat(run.verdict().get("outcome").asText()).isEqualTo("refused");
    assertThat(run.evidence())
        .containsExactly("alice's client (lab client --stage ecdhe): " + REFUSAL);
    assertThat(run.verdict().get("why").asText()).contains("signature", "pin");
    assertThat(run.out()).contains("--stage ecdhe --victim weak").doesNotContain("attacker read");
  }

  @Test
  void clientWithInsecureNoAuthIsReadInClear() throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir, "--stage", "ecdhe", "--victim", "weak");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.verdict().get("target").asText()).isEqualTo("ecdhe client --insecure-no-auth");
    assertThat(run.verdict().get("outcome").asText()).isEqualTo("succeeded");
    String password = Victims.passwordOf("alice");
    assertThat(run.verdict().get("headline").asText())
        .contains("alice's password (" + password + ")", EcdheDowngrade.SECRET);
    assertThat(run.evidence())
        .contains(
            "attacker read: alice → server  /register alice " + password,
            "attacker read: alice → server  " + EcdheDowngrade.SECRET,
            "attacker: the server accepted the attacker as a client")
        .anySatisfy(line -> assertThat(line).startsWith("alice's client: warning: --insecure"));
  }

  @Test
  void defaultRunAttacksBothStagesAndBothRefuse() throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.verdicts())
        .extracting(
            verdict -> verdict.get("target").asText() + " " + verdict.get("outcome").asText())
        .containsExactly("tls refused", "ecdhe client refused");
  }
}
