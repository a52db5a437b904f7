package securechat.attacks.downgrade;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weak TLS server for the downgrade attack to succeed against: {@code openssl s_server} on a free
 * loopback port with a throwaway RSA key and certificate made by {@code openssl req}, told which
 * versions and suites to allow. {@link #close} kills it.
 */
final class OpensslServer implements AutoCloseable {
  private static final long WAIT_SECONDS = 20;

  /** What s_server prints once it listens (OpenSSL 3, without -quiet). */
  private static final Pattern ACCEPT = Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final List<String> printed = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
  private final int port;

  private OpensslServer(Process process) throws InterruptedException {
    this.process = process;
    Thread.ofVirtual().name("openssl s_server output").start(this::readOutput);
    this.port = awaitPort();
  }

  /** Whether {@code openssl} runs and knows {@code cipher} for TLS 1.2 at security level 0. */
  static boolean offers(String cipher) throws InterruptedException {
    try {
      Process ciphers =
          new ProcessBuilder("openssl", "ciphers", "-s", "-tls1_2", cipher + ":@SECLEVEL=0")
              .redirectErrorStream(true)
              .start();
      String output = new String(ciphers.getInputStream().readAllBytes(), UTF_8);
      return ciphers.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)
          && ciphers.exitValue() == 0
          && output.strip().equals(cipher);
    } catch (IOException notInstalled) {
      return false;
    }
  }

  /**
   * Makes a key and certificate for localhost in {@code folder} and starts {@code openssl s_server
   * ARGUMENTS} with them.
   */
  static OpensslServer start(Path folder, String... arguments)
      throws IOException, InterruptedException {
    run(
        folder,
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-days",
        "1",
        "-keyout",
        "key.pem",
        "-out",
        "cert.pem");
    List<String> command = new ArrayList<>(List.of("openssl", "s_server"));
    command.addAll(List.of(arguments));
    command.addAll(
        List.of("-cert", "cert.pem", "-key", "key.pem", "-accept", "127.0.0.1:0", "-naccept", "8"));
    Process process =
        new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    return new OpensslServer(process);
  }

  int port() {
    return port;
  }

  String output() {
    return String.join("\n", printed);
  }

  private static void run(Path folder, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private void readOutput() {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        printed.add(line);
        lines.add(Optional.of(line));
      }
    } catch (IOException e) {
      printed.add("<output unreadable: " + e.getMessage() + ">");
    }
    lines.add(Optional.empty());
  }

  private int awaitPort() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (true) {
      Optional<String> line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null || line.isEmpty()) {
        close();
        throw new AssertionError("openssl s_server printed no ACCEPT line:\n" + output());
      }
      Matcher accept = ACCEPT.matcher(line.get());
      if (accept.find()) {
        return Integer.parseInt(accept.group(1));
      }
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
