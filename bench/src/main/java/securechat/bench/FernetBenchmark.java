package securechat.bench;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import securechat.core.channel.RecordException;
import securechat.ecdhe.Fernet;

/**
 * Fernet tokens per second, made and opened, for a chat line (100 bytes) and a file chunk (1 MiB):
 * the ecdhe stage seals every line this way. Issue 11 compares the 100-byte figure with Python
 * {@code cryptography}'s Fernet and with {@link RawJceBenchmark}, the same AES-CBC + HMAC work
 * without the token's encoding.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FernetBenchmark {
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

  @Param({"100", "1048576"})
  public int messageBytes;

  private Fernet fernet;
  private byte[] message;
  private String token;

  @Setup
  public void setUp() {
    Random random = new Random(11);
    byte[] key = new byte[Fernet.KEY_BYTES];
    random.nextBytes(key);
    fernet = new Fernet(key);
    message = new byte[messageBytes];
    random.nextBytes(message);
    token = fernet.encrypt(message, NOW);
  }

  @Benchmark
  public String encrypt() {
    return fernet.encrypt(message, NOW);
  }

  @Benchmark
  public byte[] decrypt() throws RecordException {
    return fernet.decrypt(token, NOW, Optional.empty());
  }
}
