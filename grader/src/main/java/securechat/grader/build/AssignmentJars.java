package securechat.grader.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import securechat.core.cli.ConfigException;
import securechat.grader.Assignment;
import securechat.grader.StudentFile;

/**
 * The lab's jars an assignment needs (the student files' modules, the ones they depend on, and the
 * grader for its annotations), each without the classes compiled from a student file: the student's
 * own classes take their place. The released project and the graded run both use exactly these
 * bytes.
 */
public final class AssignmentJars {
  private AssignmentJars() {}

  /** One jar: the module, its bytes, and a version that names those bytes. */
  public record Jar(LabModule module, byte[] bytes, String version) {
    /** {@code chat-ecdhe-0.1.0-SNAPSHOT-3fa2c1d09e4b7a65.jar}. */
    public String fileName() {
      return module.artifactId() + "-" + version + ".jar";
    }
  }

  /** The lab modules an assignment's code and tests use: its own and the grader (annotations). */
  public static List<String> modulesOf(Assignment assignment) {
    return Stream.concat(assignment.modules().stream(), Stream.of("grader")).toList();
  }

  /** The jars of {@code assignment}, dependencies first. */
  public static List<Jar> of(Assignment assignment, LabClasspath classpath)
      throws ConfigException, IOException {
    List<String> wanted =
        Stream.concat(assignment.modules().stream(), Stream.of("grader")).toList();
    List<Jar> jars = new ArrayList<>();
    for (LabModule module : classpath.closure(wanted)) {
      List<StudentFile> inside =
          assignment.studentFiles().stream()
              .filter(file -> file.module().equals(module.artifactId()))
              .toList();
      byte[] bytes =
          DeterministicJar.copyWithout(
              module.location(), entry -> inside.stream().anyMatch(file -> file.compiles(entry)));
      // Content in the version: a stripped jar differs per assignment, and Maven caches by version.
      jars.add(new Jar(module, bytes, module.version() + "-" + DeterministicJar.shortHash(bytes)));
    }
    return jars;
  }
}
