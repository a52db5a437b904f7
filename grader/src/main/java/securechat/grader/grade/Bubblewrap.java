package securechat.grader.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The test JVM inside {@code bwrap} (bubblewrap, the sandbox Flatpak uses): new namespaces for
 * everything, so no network but its own loopback and no other processes; a file system with only
 * the system's libraries, the JDK, the jars and the compiled submission, read-only, and one empty
 * folder to write in; no capabilities; it dies with the grader.
 *
 * <p><b>Does not protect:</b> against using the CPU or memory of the machine beyond the JVM's own
 * limits (no cgroups), nor against code that escapes the kernel's namespaces.
 */
public final class Bubblewrap implements Sandbox {
  // The system's programs and libraries; /etc only for the few files a JVM reads.
  private static final List<String> SYSTEM =
      List.of("/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32");
  private static final List<String> ETC =
      List.of(
          "/etc/hosts",
          "/etc/nsswitch.conf",
          "/etc/localtime",
          "/etc/passwd",
          "/etc/group",
          "/etc/ld.so.cache");

  private final String program;

  private Bubblewrap(String program) {
    this.program = program;
  }

  /** Bubblewrap if it is installed and can make its namespaces here, or why not. */
  public static Optional<Bubblewrap> find(StringBuilder whyNot) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path bwrap = Path.of(dir, "bwrap");
      if (Files.isExecutable(bwrap)) {
        Bubblewrap sandbox = new Bubblewrap(bwrap.toString());
        String problem = sandbox.probe();
        if (problem.isEmpty()) {
          return Optional.of(sandbox);
        }
        whyNot.append(problem);
        return Optional.empty();
      }
    }
    whyNot.append("bwrap (bubblewrap) is not installed");
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "bubblewrap: no network but loopback, a read-only view of the JDK and the jars only";
  }

  @Override
  public List<String> command(List<String> java, List<Path> readOnly, Path workDir) {
    List<String> command =
        new ArrayList<>(
            List.of(
                program,
                "--die-with-parent",
                "--new-session",
                "--unshare-all",
                "--cap-drop",
                "ALL"));
    for (String dir : SYSTEM) {
      Path path = Path.of(dir);
      if (Files.isSymbolicLink(path)) {
        command.addAll(List.of("--symlink", readLink(path), dir));
      } else if (Files.isDirectory(path)) {
        command.addAll(List.of("--ro-bind", dir, dir));
      }
    }
    for (String file : ETC) {
      command.addAll(List.of("--ro-bind-try", file, file));
    }
    command.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
    Path javaHome = Path.of(System.getProperty("java.home"));
    command.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
    for (Path path : readOnly) {
      command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
    }
    command.addAll(
        List.of("--bind", workDir.toString(), workDir.toString(), "--chdir", workDir.toString()));
    command.addAll(
        List.of(
            "--clearenv", "--setenv", "HOME", workDir.toString(), "--setenv", "LANG", "C.UTF-8"));
    command.add("--");
    command.addAll(java);
    return command;
  }

  private String probe() {
    try {
      Process process =
          new ProcessBuilder(command(List.of("/bin/true"), List.of(), Path.of("/tmp")))
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "bwrap did not start within 10 s";
      }
      String said = new String(process.getInputStream().readAllBytes()).strip();
      return process.exitValue() == 0
          ? ""
          : "bwrap cannot make its sandbox here: "
              + said.lines().findFirst().orElse("exit status " + process.exitValue());
    } catch (IOException e) {
      return "bwrap cannot be started: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while trying bwrap";
    }
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return link.toString();
    }
  }
}
