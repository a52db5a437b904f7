package securechat.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookTest {
  @Test
  void cellsAreQuotedAsRfc4180SaysAndFormulasDefused() {
    assertThat(Gradebook.quote("alice")).isEqualTo("alice");
    assertThat(Gradebook.quote("smith, jo")).isEqualTo("\"smith, jo\"");
    assertThat(Gradebook.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Gradebook.quote("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    assertThat(Gradebook.quote("-1.5")).isEqualTo("-1.5");
  }

  @Test
  void aRowPerSubmissionWithAColumnPerTest(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gradebook.csv");
    var report = Reports.sample();
    try (Gradebook gradebook =
        new Gradebook(file, report.results().stream().map(r -> r.test()).toList())) {
      gradebook.add(report);
      gradebook.failed("bob", "no such folder");
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0))
        .isEqualTo(
            "submission,score,max_score,percent,tests_passed,status,seconds,"
                + "\"encrypts, \"\"quoted\"\" & <tagged>\",rejects a flipped bit (hidden)");
    assertThat(lines.get(1)).isEqualTo("alice,2,5.5,36.4,1/2,graded,2.4,2,0");
    assertThat(lines.get(2)).startsWith("bob,0,,0.0,,not graded: no such folder");
  }
}
