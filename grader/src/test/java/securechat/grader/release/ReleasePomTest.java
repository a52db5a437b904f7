package securechat.grader.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReleasePomTest {
  @Test
  void theReleasedProjectBuildsWithTheLabsOwnPluginVersions() throws Exception {
    String rootPom = Files.readString(Path.of("..", "pom.xml"));
    assertThat(rootPom)
        .contains(
            "<artifactId>maven-compiler-plugin</artifactId>\n          <version>"
                + ReleasePom.COMPILER_PLUGIN)
        .contains(
            "<artifactId>maven-resources-plugin</artifactId>\n          <version>"
                + ReleasePom.RESOURCES_PLUGIN)
        .contains("<surefire.version>" + ReleasePom.SUREFIRE_PLUGIN + "</surefire.version>");
  }
}
