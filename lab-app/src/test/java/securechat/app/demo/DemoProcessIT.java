package securechat.app.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab demo} as a separate process, the way users start it: without capture rights (run as
 * {@code nobody} when the tests run as root, as in CI, so libpcap really refuses), and under sudo.
 */
@Timeout(90)
class DemoProcessIT {
  private static final int NOBODY = 65534;

  @TempDir Path temp;

  /** The chat runs, the wire columns say "not measured", the way to get rights is explained. */
  @Test
  void withoutCaptureRightsTheChatRunsAndTheWireIsMarkedNotMeasured() throws Exception {
    Path dataDir = Files.createDirectory(temp.resolve("data"));
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> asNobody =
        isRoot()
            ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--")
            : List.of();
    Process process = demo(asNobody, dataDir, Map.of());
    String out = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    if (out.contains("what an eavesdropper sees")) {
      abort("this JDK has capture rights without root (setcap): nothing to test here");
    }

    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("the wire: not measured (capturing on 'lo' needs capture rights")
        .contains("sudo setcap cap_net_raw,cap_net_admin=eip")
        .contains("the wire columns say 'not measured' instead of guessing")
        .contains("the server reads: every line in clear")
        .contains("plain   not measured  not measured  not measured  VISIBLE       not measured")
        .doesNotContain("Exception");
    JsonNode results = new ObjectMapper().readTree(dataDir.resolve("demo/results.json").toFile());
    JsonNode plain = results.get("stages").get(0);
    assertThat(plain.get("password").asText()).isEqualTo("not_measured");
    assertThat(plain.get("capture").isNull()).isTrue();
    assertThat(plain.get("behaved").asBoolean()).isTrue();
    assertThat(results.get("captureUnavailable").asText()).contains("needs capture rights");
  }

  /**
   * {@code sudo ./lab demo} on a fresh clone: the data folder it creates and the captures go back
   * to the user who typed sudo, who can then open them and run servers without root.
   */
  @Test
  void underSudoTheDataFolderAndCapturesGoBackToTheUser() throws Exception {
    assumeTrue(isRoot(), "sudo's hand-back needs root");
    Path dataDir = temp.resolve("fresh-data");
    Process process =
        demo(
            List.of(),
            dataDir,
            Map.of("SUDO_UID", String.valueOf(NOBODY), "SUDO_GID", String.valueOf(NOBODY)));
    String out = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();

    assertThat(Files.getAttribute(dataDir, "unix:uid")).isEqualTo(NOBODY);
    Path capture = dataDir.resolve("demo/plain.pcap");
    assertThat(capture).exists();
    assertThat(Files.getAttribute(capture, "unix:uid")).isEqualTo(NOBODY);
    assertThat(Files.getAttribute(capture, "unix:gid")).isEqualTo(NOBODY);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(capture)))
        .isEqualTo("rw-------");
    assertThat(Files.getAttribute(dataDir.resolve("demo/report.html"), "unix:uid"))
        .isEqualTo(NOBODY);
  }

  /** {@code lab demo --stage plain} in a new JVM, from a world-readable copy of the lab's jars. */
  private Process demo(List<String> prefix, Path dataDir, Map<String, String> environment)
      throws IOException {
    Path lib = copyOfTheLabJars();
    List<String> command = new ArrayList<>(prefix);
    String java = ProcessHandle.current().info().command().orElse("java");
    command.addAll(
        List.of(
            java,
            "-cp",
            lib + "/*",
            "securechat.app.Lab",
            "demo",
            "--stage",
            "plain",
            "--data-dir",
            dataDir.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** The jars {@code ./lab} runs (lab-app/target/lib, made by the package phase). */
  private Path copyOfTheLabJars() throws IOException {
    Path built = Path.of("target", "lib");
    assertThat(built).as("the package phase runs before the integration tests").isDirectory();
    Path lib = temp.resolve("lib");
    if (!Files.isDirectory(lib)) {
      Files.createDirectory(lib);
      try (Stream<Path> jars = Files.list(built)) {
        for (Path jar : jars.toList()) {
          Files.copy(jar, lib.resolve(jar.getFileName()));
        }
      }
    }
    readableByAll(temp);
    return lib;
  }

  /** Adds read (and, for folders, enter) rights for everyone; takes none away. */
  private static void readableByAll(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(path));
        permissions.addAll(Set.of(GROUP_READ, OTHERS_READ));
        if (Files.isDirectory(path)) {
          permissions.addAll(Set.of(GROUP_EXECUTE, OTHERS_EXECUTE));
        }
        Files.setPosixFilePermissions(path, permissions);
      }
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
