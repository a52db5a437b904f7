package securechat.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import securechat.ecdhe.Hkdf;

/**
 * HKDF-SHA256 derivations per second, the ecdhe key schedule's shape: a 32-byte shared secret, a
 * 32-byte salt, a label and a transcript hash as info, 96 bytes out (three keys). Five HMACs each;
 * a small part of a handshake, measured so that it can be ruled out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HkdfBenchmark {
  private byte[] secret;
  private byte[] salt;
  private byte[] info;

  @Setup
  public void setUp() {
    Random random = new Random(5869);
    secret = new byte[32];
    salt = new byte[32];
    info = new byte[23 + 32];
    random.nextBytes(secret);
    random.nextBytes(salt);
    random.nextBytes(info);
  }

  @Benchmark
  public byte[] derive96Bytes() {
    return Hkdf.sha256(salt, secret, info, 96);
  }
}
