package securechat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every JMH benchmark of the module, run once for a tenth of a second in this JVM: proof that each
 * one sets up and runs, never a measurement (no warm-up, no fork) and never a pass/fail on speed.
 * The real runs are in {@code docs/performance.md}.
 */
class BenchSmokeIT {
  @Test
  @Timeout(300)
  void everyBenchmarkRunsAndReportsAScore() throws Exception {
    Options options =
        new OptionsBuilder()
            .include("securechat\\..*Benchmark")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    assertThat(results.stream().map(r -> r.getParams().getBenchmark().replaceAll("\\.[^.]*$", "")))
        .as("every benchmark class ran")
        .contains(
            "securechat.bench.FernetBenchmark",
            "securechat.bench.RawJceBenchmark",
            "securechat.bench.HkdfBenchmark",
            "securechat.ecdhe.EcdheHandshakeBenchmark",
            "securechat.ecdhe.EcdheLoopbackBenchmark",
            "securechat.e2e.HpkeBenchmark",
            "securechat.e2e.Ed25519Benchmark",
            "securechat.e2e.EnvelopeBenchmark",
            "securechat.e2e.E2eLoopbackBenchmark",
            "securechat.bench.LineParserBenchmark",
            "securechat.bench.ReassemblyBenchmark");
    for (RunResult result : results) {
      assertThat(result.getPrimaryResult().getScore())
          .as(result.getParams().getBenchmark() + " " + result.getParams())
          .isPositive();
    }
  }
}
