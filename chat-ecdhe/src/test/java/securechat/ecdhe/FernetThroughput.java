package securechat.ecdhe;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Measures Fernet, not a test: tokens per second for 100-byte messages and MB/s (10^6 bytes of
 * plaintext per second) for 1 MiB messages, encrypting and decrypting separately, then the same
 * with Python's {@code cryptography.fernet} in the same run, for comparison. Each figure runs after
 * a warm-up for at least 3 seconds on one thread.
 *
 * <p>Run it from the repository root (test scope; the build never runs it). Fernet needs only the
 * JDK and chat-core's {@code RecordException}; the Python half needs {@code python3} with {@code
 * cryptography}:
 *
 * <pre>
 * ./mvnw -q -o -pl chat-ecdhe -am test-compile
 * java -cp chat-ecdhe/target/test-classes:chat-ecdhe/target/classes:chat-core/target/classes \
 *     securechat.ecdhe.FernetThroughput
 * </pre>
 */
final class FernetThroughput {
  private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final long MEASURE_NANOS = TimeUnit.SECONDS.toNanos(3);
  private static final int SMALL_BYTES = 100;
  private static final int LARGE_BYTES = 1024 * 1024;

  /** The same four figures in Python, printed in the same shape. */
  private static final String PYTHON =
      """
      import os, time, cryptography
      from cryptography.fernet import Fernet
      f = Fernet(Fernet.generate_key())
      def measure(op, seconds):
          count, start = 0, time.perf_counter()
          while time.perf_counter() - start < seconds:
              op(); count += 1
          return count / (time.perf_counter() - start)
      def figure(name, op, size, per_second):
          measure(op, 2.0)
          rate = measure(op, 3.0)
          shown = f"{rate:10.0f} tokens/s" if per_second else f"{rate * size / 1e6:10.1f} MB/s"
          print(f"python {name:<22}{shown}")
      print("python cryptography", cryptography.__version__)
      for size, per_second in ((100, True), (1024 * 1024, False)):
          message = os.urandom(size)
          token = f.encrypt(message)
          figure(f"encrypt {size} B", lambda: f.encrypt(message), size, per_second)
          figure(f"decrypt {size} B", lambda: f.decrypt(token), size, per_second)
      """;

  private static long sink;

  private FernetThroughput() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[Fernet.KEY_BYTES];
    random.nextBytes(key);
    Fernet fernet = new Fernet(key);
    System.out.println(
        "java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cpus");
    for (int size : new int[] {SMALL_BYTES, LARGE_BYTES}) {
      byte[] message = new byte[size];
      random.nextBytes(message);
      String token = fernet.encrypt(message, Instant.now());
      figure("encrypt " + size + " B", size, () -> fernet.encrypt(message, Instant.now()).length());
      figure("decrypt " + size + " B", size, () -> decrypt(fernet, token));
    }
    System.out.print(python());
    System.out.println("(sink " + sink + ")");
  }

  private interface Operation {
    long run();
  }

  private static void figure(String name, int size, Operation operation) {
    measure(operation, WARM_UP_NANOS);
    double perSecond = measure(operation, MEASURE_NANOS);
    String shown =
        size == SMALL_BYTES
            ? String.format("%10.0f tokens/s", perSecond)
            : String.format("%10.1f MB/s", perSecond * size / 1e6);
    System.out.printf("java   %-22s%s%n", name, shown);
  }

  /** Operations per second over at least {@code nanos}. */
  private static double measure(Operation operation, long nanos) {
    long count = 0;
    long start = System.nanoTime();
    long elapsed;
    do {
      sink += operation.run();
      count++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < nanos);
    return count * 1e9 / elapsed;
  }

  private static long decrypt(Fernet fernet, String token) {
    try {
      return fernet.decrypt(token, Instant.now(), Optional.empty()).length;
    } catch (Exception e) {
      throw new IllegalStateException("our own token was refused", e);
    }
  }

  private static String python() throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("python3", "-c", PYTHON).redirectErrorStream(true).start();
    } catch (IOException e) {
      return "python3 not found: " + e.getMessage() + "\n";
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    process.waitFor();
    return output;
  }
}
