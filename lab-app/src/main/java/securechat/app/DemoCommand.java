package securechat.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import securechat.app.ScriptedPeer.DemoFailure;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.HandshakeException;
import securechat.core.cli.ConfigException;
import securechat.core.protocol.Limits;
import securechat.core.server.ChatServer;
import securechat.core.server.ServerLog;
import securechat.core.terminal.TerminalText;
import securechat.plain.PlainSecurity;

/**
 * {@code lab demo}, for now: the plain stage's scripted conversation, every line shown as it
 * crosses the wire. The full before/after demo (all four stages, captured by the sniffer) replaces
 * it when that issue lands; until then it says so.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The confidentiality demo (for now: the plain stage, shown line by line on the wire).",
      "A placeholder until the full demo lands: alice and bob log in, send a secret message, a",
      "whisper and a file over the plain stage, and every line is shown exactly as it crosses",
      "the network. Captures and the other stages come with the demo issue."
    })
final class DemoCommand implements Callable<Integer> {
  static final String SECRET = "the vault code is 4711";
  static final String PASSWORD = "alice-password-1234";

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("lab demo: placeholder until the full demo lands. It runs only the plain stage");
    out.println("and captures nothing yet; below is every line as it crosses the network.");
    out.println();
    Path dataDir = Files.createTempDirectory("securechat-demo");
    try {
      Limits limits = Limits.DEFAULTS;
      AccountStore accounts = AccountStore.open(dataDir, PasswordHasher.withOwaspParameters());
      try (ChatServer server =
          new ChatServer(new PlainSecurity(limits), accounts, limits, new ServerLog(line -> {}))) {
        InetSocketAddress address = server.start("127.0.0.1", 0);
        converse(new PlainSecurity(limits), address, out);
      }
    } catch (DemoFailure failure) {
      throw new ConfigException("the demo conversation failed: " + failure.getMessage());
    } finally {
      deleteTree(dataDir);
    }
    summarise(out);
    return 0;
  }

  private static void converse(PlainSecurity plain, InetSocketAddress address, PrintWriter out)
      throws IOException, HandshakeException, InterruptedException, DemoFailure {
    java.util.function.Consumer<String> wire =
        line -> out.println("  " + TerminalText.sanitize(abbreviate(line)));
    try (ScriptedPeer alice = new ScriptedPeer("alice", plain, address, wire);
        ScriptedPeer bob = new ScriptedPeer("bob", plain, address, wire)) {
      alice.expect("WELCOME");
      bob.expect("WELCOME");
      alice.send("/register alice " + PASSWORD);
      alice.expect("OK registered");
      bob.send("/register bob bob-password-5678");
      bob.expect("OK registered");
      alice.expect("JOIN bob");
      alice.send(SECRET);
      alice.expect("MSG alice");
      bob.expect("MSG alice");
      alice.send("/whisper bob meet me at the back door at 5");
      bob.expect("WHISPER alice bob");
      alice.expect("WHISPER alice bob");
      alice.send("/file bob plan.txt step 1: " + SECRET + "\\nstep 2: tell no one\\n");
      bob.expect("FILE alice bob plan.txt");
      alice.expect("OK sent plan.txt");
      bob.send("/quit");
      bob.expect("BYE");
      alice.expect("LEAVE bob");
      alice.send("/quit");
      alice.expect("BYE");
    }
  }

  private static void summarise(PrintWriter out) {
    out.println();
    out.println("Every line above crossed the network exactly as shown: the plain stage protects");
    out.println("nothing, so anyone on the path read alice's password '" + PASSWORD + "',");
    out.println("the message '" + SECRET + "', the whisper and the file.");
    out.println(
        "Next: the tls stage wraps the same lines in TLS 1.3, so a sniffer sees only records.");
    out.flush();
  }

  private static String abbreviate(String line) {
    return line.length() <= 110 ? line : line.substring(0, 107) + "...";
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
