package securechat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The soak's verdict: which figures make it fail, and the margins it allows. */
class SoakReportTest {
  private static final long MIB = 1024 * 1024;
  private static final ServerResources BEFORE = new ServerResources(40 * MIB, 20, 9, 60);

  @Test
  void cleanFiguresPass() {
    assertThat(report(BEFORE, 0, Map.of()).problems()).isEmpty();
  }

  @Test
  void everyLeakIsNamed() {
    ServerResources leaky = new ServerResources(100 * MIB, 23, 11, 61);
    assertThat(SoakReport.growth(leaky, BEFORE))
        .containsExactly(
            "open files grew",
            "virtual threads grew",
            "platform threads grew by more than 2",
            "live heap grew by more than 16 MiB");
  }

  @Test
  void heapMayGrowByTheMarginOnly() {
    assertThat(SoakReport.heapMarginBytes(40 * MIB)).isEqualTo(16 * MIB);
    assertThat(SoakReport.heapMarginBytes(400 * MIB)).isEqualTo(100 * MIB);
    ServerResources atMargin = new ServerResources(56 * MIB, 22, 9, 60);
    assertThat(SoakReport.growth(atMargin, BEFORE)).isEmpty();
    ServerResources past = new ServerResources(56 * MIB + 1, 22, 9, 60);
    assertThat(SoakReport.growth(past, BEFORE)).hasSize(1);
  }

  @Test
  void lossesErrorsAndUndroppedSlowConsumersFail() {
    SoakReport lossy = report(BEFORE, 3, Map.of("session: connection reset", 2L));
    assertThat(lossy.problems())
        .contains(
            "3 messages to online recipients were lost",
            "2 errors (listed above)",
            "1 slow consumers were not dropped");
  }

  private static SoakReport report(ServerResources after, long lost, Map<String, Long> errors) {
    return new SoakReport(
        "tls",
        200,
        16,
        10,
        500,
        10,
        lost == 0 ? 3 : 4,
        3,
        1000,
        1000 - lost,
        0,
        0,
        errors,
        BEFORE,
        after,
        true,
        0);
  }
}
