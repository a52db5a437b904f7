package securechat.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.grader.release.ReleaseWriter;

/**
 * The released project is what students get: it must build with its own Maven Wrapper, its public
 * tests must fail on the untouched starter and pass once the student's files are right.
 */
@Timeout(600)
class ReleasedProjectIT {
  static List<String> assignments() throws Exception {
    return LabAssignments.names();
  }

  @ParameterizedTest
  @MethodSource("assignments")
  void theStarterBuildsAndTheSolutionPassesThePublicTests(String name, @TempDir Path dir)
      throws Exception {
    Assignment assignment = LabAssignments.find(name);
    Path project = dir.resolve(name);
    new ReleaseWriter(assignment, LabAssignments.classpath(), LabAssignments.LAB_ROOT)
        .write(project);

    Run starter = maven(project, "test");
    assertThat(starter.status()).as(starter.output()).isNotZero();
    assertThat(starter.output())
        .contains("not implemented yet")
        .doesNotContain("COMPILATION ERROR");

    LabAssignments.solution(assignment, project);
    Run solved = maven(project, "test");
    assertThat(solved.status()).as(solved.output()).isZero();
    assertThat(solved.output()).contains("Tests run:").contains("BUILD SUCCESS");
  }

  private record Run(int status, String output) {}

  // The project's own wrapper, with this JVM's JDK; the lab's build has put every plugin and
  // library in the local Maven repository, so only the project's lib/ is new to Maven.
  private static Run maven(Path project, String goal) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "--no-transfer-progress", goal));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    String text = new String(output, StandardCharsets.UTF_8);
    Files.writeString(project.resolve("maven-" + goal + ".log"), text);
    return new Run(process.exitValue(), text);
  }
}
