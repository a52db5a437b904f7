package securechat.grader.release;

import java.util.List;
import java.util.Map;
import securechat.grader.Assignment;
import securechat.grader.build.AssignmentJars;
import securechat.grader.build.LabClasspath;

/**
 * The {@code pom.xml} of a released student project: Java 21, the lab's jars from the project's own
 * {@code lib/} folder (a Maven repository on disk), their libraries from Maven Central, JUnit and
 * AssertJ for the tests. No securechat-lab source is needed to build it.
 */
final class ReleasePom {
  /** The lab's group, as the released jars in {@code lib/} carry it. */
  static final String RELEASE_GROUP = "securechat-lab-release";

  // The same plugin versions as the lab's own build (checked by ReleasePomTest).
  static final String COMPILER_PLUGIN = "3.14.0";
  static final String RESOURCES_PLUGIN = "3.3.1";
  static final String SUREFIRE_PLUGIN = "3.5.3";

  private ReleasePom() {}

  static String of(
      Assignment assignment,
      List<AssignmentJars.Jar> jars,
      List<LabClasspath.Coordinates> libraries,
      List<LabClasspath.Coordinates> testLibraries,
      Map<String, List<String>> exclusions) {
    StringBuilder pom = new StringBuilder();
    pom.append(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Written by `lab assignment release %s`. Build and test with ./mvnw test -->
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <groupId>securechat-lab.assignment</groupId>
          <artifactId>%s</artifactId>
          <version>1</version>
          <name>%s</name>

          <properties>
            <maven.compiler.release>21</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>

          <repositories>
            <!-- The lab's jars, without the classes you write. -->
            <repository>
              <id>securechat-lab</id>
              <url>file://${project.basedir}/lib</url>
            </repository>
          </repositories>

          <dependencies>
        """
            .formatted(assignment.name(), assignment.name(), xml(assignment.title())));
    for (AssignmentJars.Jar jar : jars) {
      String scope = jar.module().artifactId().equals("grader") ? "test" : "compile";
      dependency(pom, RELEASE_GROUP, jar.module().artifactId(), jar.version(), scope, List.of());
    }
    for (LabClasspath.Coordinates library : libraries) {
      dependency(pom, library, "compile", exclusions);
    }
    for (LabClasspath.Coordinates library : testLibraries) {
      dependency(pom, library, "test", exclusions);
    }
    pom.append(
        """
          </dependencies>

          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>%s</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>%s</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-surefire-plugin</artifactId>
                <version>%s</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """
            .formatted(COMPILER_PLUGIN, RESOURCES_PLUGIN, SUREFIRE_PLUGIN));
    return pom.toString();
  }

  /**
   * The small pom that sits beside a jar in {@code lib/}: its libraries are in the project's pom.
   */
  static String ofJar(AssignmentJars.Jar jar) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>%s</groupId>
          <artifactId>%s</artifactId>
          <version>%s</version>
        </project>
        """
        .formatted(RELEASE_GROUP, jar.module().artifactId(), jar.version());
  }

  private static void dependency(
      StringBuilder pom,
      LabClasspath.Coordinates library,
      String scope,
      Map<String, List<String>> exclusions) {
    List<String> excluded =
        exclusions.getOrDefault(library.groupId() + ":" + library.artifactId(), List.of());
    dependency(pom, library.groupId(), library.artifactId(), library.version(), scope, excluded);
  }

  private static void dependency(
      StringBuilder pom,
      String groupId,
      String artifactId,
      String version,
      String scope,
      List<String> excluded) {
    pom.append("    <dependency>\n")
        .append("      <groupId>")
        .append(groupId)
        .append("</groupId>\n")
        .append("      <artifactId>")
        .append(artifactId)
        .append("</artifactId>\n")
        .append("      <version>")
        .append(version)
        .append("</version>\n");
    if (!scope.equals("compile")) {
      pom.append("      <scope>").append(scope).append("</scope>\n");
    }
    if (!excluded.isEmpty()) {
      pom.append("      <exclusions>\n");
      for (String exclusion : excluded) {
        String[] parts = exclusion.split(":");
        pom.append("        <exclusion>\n")
            .append("          <groupId>")
            .append(parts[0])
            .append("</groupId>\n")
            .append("          <artifactId>")
            .append(parts[1])
            .append("</artifactId>\n")
            .append("        </exclusion>\n");
      }
      pom.append("      </exclusions>\n");
    }
    pom.append("    </dependency>\n");
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
