package securechat.app.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import securechat.app.Lab;
import securechat.app.LabHome;

/**
 * Two promises of docs/security.md, checked on {@code lab} run as a real process: every {@code
 * --insecure-...} option of every command prints its warning (the options are read from the picocli
 * command tree, so a new one fails this test until it has a way to run here, and then until it
 * warns), and every server listens on 127.0.0.1 only unless told otherwise.
 */
@Timeout(300)
class CommandLineSafetyIT {
  private static final Pattern LISTENING =
      Pattern.compile("listening on (?:127\\.0\\.0\\.1|localhost):(\\d+)");

  @TempDir Path dataDir;

  /**
   * How to run each insecure option, by command path and option: arguments that reach the point
   * where the warning is printed ({@code PORT} is replaced by a port where nothing listens).
   */
  private Map<String, List<String>> recipes() throws IOException {
    Path submission = Files.createDirectories(dataDir.resolve("submission"));
    String data = dataDir.toString();
    return Map.of(
        "lab server --insecure-no-auth",
        List.of(
            "server", "--stage", "ecdhe", "--insecure-no-auth", "--port", "0", "--data-dir", data),
        "lab client --insecure-no-auth",
        List.of(
            "client",
            "--stage",
            "ecdhe",
            "--insecure-no-auth",
            "--port",
            "PORT",
            "--data-dir",
            data),
        "lab client --insecure-trust-all",
        List.of(
            "client",
            "--stage",
            "tls",
            "--insecure-trust-all",
            "--port",
            "PORT",
            "--data-dir",
            data),
        "lab server --insecure-legacy",
        List.of(
            "server",
            "--stage",
            "e2e",
            "--insecure-legacy",
            "seed004",
            "--port",
            "0",
            "--data-dir",
            data),
        "lab client --insecure-legacy",
        List.of(
            "client",
            "--stage",
            "e2e",
            "--insecure-legacy",
            "seed004",
            "--port",
            "PORT",
            "--data-dir",
            data),
        "lab server --insecure-compat",
        List.of(
            "server",
            "--stage",
            "ecdhe",
            "--insecure-compat",
            "seed000",
            "--port",
            "0",
            "--data-dir",
            data),
        "lab client --insecure-compat",
        List.of(
            "client",
            "--stage",
            "ecdhe",
            "--insecure-compat",
            "seed000",
            "--port",
            "PORT",
            "--data-dir",
            data),
        "lab assignment grade --insecure-no-sandbox",
        List.of(
            "assignment",
            "grade",
            "01-fernet",
            "--submission",
            submission.toString(),
            "--insecure-no-sandbox"),
        "lab assignment grade-all --insecure-no-sandbox",
        List.of(
            "assignment",
            "grade-all",
            "01-fernet",
            "--submissions",
            data,
            "--insecure-no-sandbox"));
  }

  @Test
  void everyInsecureOptionOfEveryCommandPrintsItsWarning() throws Exception {
    Map<String, String> options = insecureOptions();
    assertThat(options).as("the options found").isNotEmpty();
    Map<String, List<String>> recipes = recipes();
    assertThat(recipes.keySet())
        .as("every --insecure- option has a recipe here (add one for a new option)")
        .containsExactlyInAnyOrderElementsOf(options.keySet());
    int closedPort = closedPort();
    for (Map.Entry<String, String> option : options.entrySet()) {
      List<String> args =
          recipes.get(option.getKey()).stream()
              .map(arg -> arg.equals("PORT") ? String.valueOf(closedPort) : arg)
              .toList();
      String warning = "warning: " + option.getValue();
      assertThat(runUntil(args, warning)).as("%s prints a warning", option.getKey()).isPresent();
    }
  }

  @Test
  void everyStageServerListensOnLoopbackOnlyByDefault() throws Exception {
    Optional<InetAddress> outside = nonLoopbackAddress();
    assumeThat(outside).as("a network interface besides loopback").isPresent();
    List<List<String>> servers =
        List.of(
            List.of("server", "--stage", "plain"),
            List.of("server", "--stage", "tls"),
            List.of("server", "--stage", "ecdhe"),
            List.of("server", "--stage", "e2e"),
            List.of("server", "--stage", "ecdhe", "--insecure-compat", "seed000"),
            List.of("server", "--stage", "e2e", "--insecure-legacy", "seed004"));
    for (List<String> server : servers) {
      List<String> args = new ArrayList<>(server);
      args.addAll(
          List.of("--port", "0", "--data-dir", dataDir.resolve("d" + server.size()).toString()));
      Optional<String> listening = runUntil(args, "listening on", this::checkLoopbackOnly);
      assertThat(listening).as("%s said where it listens", server).isPresent();
    }
  }

  /** Connecting through a non-loopback address of this machine must be refused. */
  private void checkLoopbackOnly(String listeningLine) {
    Matcher port = LISTENING.matcher(listeningLine);
    assertThat(port.find()).as(listeningLine).isTrue();
    InetSocketAddress fromOutside =
        new InetSocketAddress(nonLoopbackAddress().orElseThrow(), Integer.parseInt(port.group(1)));
    try (Socket socket = new Socket()) {
      socket.connect(fromOutside, 5_000);
      throw new AssertionError(listeningLine + ", yet " + fromOutside + " answers");
    } catch (ConnectException expected) {
      // refused: nothing listens on that address
    } catch (IOException e) {
      throw new AssertionError(fromOutside + ": " + e, e);
    }
  }

  /** "lab server --insecure-no-auth" → "--insecure-no-auth", for every such option in the tree. */
  private static Map<String, String> insecureOptions() {
    Map<String, String> found = new TreeMap<>();
    collect(Lab.commandLine(new ByteArrayInputStream(new byte[0])), found);
    return found;
  }

  private static void collect(CommandLine command, Map<String, String> found) {
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (option.longestName().startsWith("--insecure-")) {
        found.put(
            command.getCommandSpec().qualifiedName() + " " + option.longestName(),
            option.longestName());
      }
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, found));
  }

  private Optional<String> runUntil(List<String> args, String fragment) throws Exception {
    return runUntil(args, fragment, line -> {});
  }

  /**
   * Runs {@code lab ARGS} with no input until it prints a line containing {@code fragment} (then
   * {@code check} runs on it and the process is killed) or ends; empty if it never printed it.
   */
  private Optional<String> runUntil(
      List<String> args, String fragment, java.util.function.Consumer<String> check)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Lab.class.getName()));
    command.addAll(args);
    Process lab =
        new ProcessBuilder(command)
            .directory(LabHome.find().toFile())
            .redirectErrorStream(true)
            .start();
    lab.getOutputStream().close();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual().start(() -> readLines(lab, lines));
    List<String> seen = new ArrayList<>();
    try {
      while (true) {
        String line = lines.poll(60, TimeUnit.SECONDS);
        if (line == null || line.equals(END)) {
          System.out.println(args + " never printed '" + fragment + "': " + seen);
          return Optional.empty();
        }
        seen.add(line);
        if (line.contains(fragment)) {
          check.accept(line);
          return Optional.of(line);
        }
      }
    } finally {
      lab.destroyForcibly();
      lab.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static final String END = "\u0000end of output";

  private static void readLines(Process process, BlockingQueue<String> lines) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
      in.lines().forEach(lines::add);
    } catch (IOException e) {
      lines.add("<output closed: " + e.getMessage() + ">");
    }
    lines.add(END);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() {
    try {
      return NetworkInterface.networkInterfaces()
          .filter(CommandLineSafetyIT::isUp)
          .flatMap(NetworkInterface::inetAddresses)
          .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (IOException e) {
      return false;
    }
  }
}
