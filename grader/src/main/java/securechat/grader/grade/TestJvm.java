package securechat.grader.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One test JVM, seen from the grader: started with its request written to its standard input (see
 * {@code securechat.grader.run.TestRunner}), read event by event, killed at the end.
 */
final class TestJvm implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int STDERR_TAIL_BYTES = 4096;

  /** Put in the queue when the JVM's standard output ends. */
  static final JsonNode ENDED = JSON.createObjectNode().put("event", "ended");

  private final Process process;
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final StringBuffer stderrTail = new StringBuffer();

  private TestJvm(Process process) {
    this.process = process;
  }

  /** Starts {@code command} and sends it the tests to run and the classes to run them with. */
  static TestJvm start(
      List<String> command, Collection<String> testIds, Map<String, byte[]> classes)
      throws IOException {
    Process process = new ProcessBuilder(command).start();
    TestJvm jvm = new TestJvm(process);
    String secret = HexFormat.of().formatHex(randomBytes());
    Thread.ofVirtual().name("test jvm events").start(() -> jvm.readEvents(secret));
    Thread.ofVirtual().name("test jvm stderr").start(jvm::readStderr);
    try (DataOutputStream in = new DataOutputStream(process.getOutputStream())) {
      in.writeUTF(secret);
      in.writeInt(testIds.size());
      for (String id : testIds) {
        in.writeUTF(id);
      }
      in.writeInt(classes.size());
      for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
        in.writeUTF(entry.getKey());
        in.writeInt(entry.getValue().length);
        in.write(entry.getValue());
      }
    } catch (IOException e) {
      // The JVM ended before reading its request: its exit status and stderr will say why.
    }
    return jvm;
  }

  /** The next event, waiting at most {@code millis}; empty when none came in time. */
  Optional<JsonNode> next(long millis) throws InterruptedException {
    return Optional.ofNullable(events.poll(Math.max(1, millis), TimeUnit.MILLISECONDS));
  }

  /** The exit status, once the JVM has ended (waits up to 5 s), or -1. */
  int exitStatus() throws InterruptedException {
    return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /** The last few kilobytes the JVM wrote to its standard error. */
  String stderrTail() {
    return stderrTail.toString();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private void readEvents(String secret) {
    String prefix = secret + " ";
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(prefix)) {
          events.add(JSON.readTree(line.substring(prefix.length())));
        }
      }
    } catch (IOException e) {
      // The JVM was killed or its output broken: ENDED below tells the grader.
    }
    events.add(ENDED);
  }

  private void readStderr() {
    byte[] buffer = new byte[4096];
    try (InputStream err = process.getErrorStream()) {
      for (int n = err.read(buffer); n >= 0; n = err.read(buffer)) {
        stderrTail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        if (stderrTail.length() > STDERR_TAIL_BYTES) {
          stderrTail.delete(0, stderrTail.length() - STDERR_TAIL_BYTES);
        }
      }
    } catch (IOException e) {
      // Ends with the process.
    }
  }
}
