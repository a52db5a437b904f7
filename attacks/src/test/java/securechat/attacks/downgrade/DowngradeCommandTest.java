package securechat.attacks.downgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.core.cli.ConfigException;

/**
 * The command's answers to options that cannot work: one {@code error:} sentence, a hint where
 * there is one, exit status 1, and nothing started or sent.
 */
class DowngradeCommandTest {
  @TempDir Path dataDir;

  @Test
  void targetOffLoopbackIsRefusedBeforeAnyByteIsSent() throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir, "--stage", "tls", "--target", "192.0.2.7:443");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("error: the attack tools target loopback only; '192.0.2.7' is 192.0.2.7\n")
        .contains("hint: run the server and clients on this machine");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1:", ":4433", "127.0.0.1:0", "127.0.0.1:65536"})
  void targetThatIsNotHostColonPortIsRefusedWithAnExample(String target) throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir, "--target", target);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "error: --target must be HOST:PORT with a port from 1 to 65535, not '"
                + target
                + "'\nhint: for example --target 127.0.0.1:4433\n");
  }

  @Test
  void targetParsesNamesAddressesAndBracketedIpv6() throws ConfigException {
    InetSocketAddress name = DowngradeCommand.parseTarget("localhost:4433");
    InetSocketAddress ipv6 = DowngradeCommand.parseTarget("[::1]:4433");

    assertThat(name.getAddress().isLoopbackAddress()).isTrue();
    assertThat(name.getPort()).isEqualTo(4433);
    assertThat(ipv6.getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
  }

  @Test
  void stageWithNothingToDowngradeIsRefused() throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir, "--stage", "plain");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "error: the downgrade attack targets the tls and ecdhe stages, not 'plain'\n"
                + "hint: use --stage tls or --stage ecdhe, or no --stage for both\n");
  }

  @Test
  void weakVictimWithoutTheEcdheStageSaysWhereTheWeakSideOfTlsIs() throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir, "--victim", "weak");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "error: --victim weak chooses alice's ecdhe client, so it needs --stage ecdhe\n"
                + "hint: for tls the weak side is the server: probe one with --stage tls"
                + " --target HOST:PORT\n");
  }

  @Test
  void targetWithTheEcdheStageIsRefused() throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir, "--stage", "ecdhe", "--target", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "error: --target names a TLS server to probe, so it goes with --stage tls, not ecdhe\n");
  }

  @Test
  void unknownVictimIsAUsageError() throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir, "--victim", "medium");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--victim'");
  }

  @Test
  void helpNamesEveryOption() throws Exception {
    DowngradeRun run = DowngradeRun.of(dataDir, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--stage", "--victim", "--target", "--json", "--data-dir");
  }
}
