package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FiguresTest {
  @Test
  void measuredKeepsThreeSignificantDigitsAndWholeNumbersAsLongs() {
    assertThat(Figures.measured(5_275_462.4)).isEqualTo(5_280_000L);
    assertThat(Figures.measured(1.1596e11)).isEqualTo(116_000_000_000L);
    assertThat(Figures.measured(37.84)).isEqualTo(37.8);
    assertThat(Figures.measured(0.000672)).isEqualTo(0.000672);
  }

  @Test
  void roughlySaysARatioWithTwoSignificantDigits() {
    assertThat(Figures.roughly(139_563.2)).isEqualTo("140,000");
    assertThat(Figures.roughly(3.14)).isEqualTo("3.1");
  }

  @Test
  void durationShowsMillisecondsBelowOneSecond() {
    assertThat(Figures.duration(Duration.ofMillis(23))).isEqualTo("23 ms");
    assertThat(Figures.duration(Duration.ofSeconds(10))).isEqualTo("10 s");
  }
}
