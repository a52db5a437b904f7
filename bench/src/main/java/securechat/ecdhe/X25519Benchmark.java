package securechat.ecdhe;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import securechat.core.channel.HandshakeException;

/**
 * X25519 key agreements per second (RFC 7748 §6.1), through the ecdhe stage's own code: {@link
 * EphemeralKeyPair#agree} with two key pairs from {@link Curve#X25519}, made once. Each side of an
 * ecdhe handshake does one agreement (and makes one key pair). {@code openssl speed ecdhx25519}
 * measures the same operation, the physical anchor issue 11 names; {@code lab bench compare} prints
 * the two side by side. In the stage's package because the methods are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class X25519Benchmark {
  private EphemeralKeyPair mine;
  private PublicKey peer;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    mine = Curve.X25519.generateKeyPair(random);
    peer = Curve.X25519.generateKeyPair(random).publicKey();
  }

  @Benchmark
  public byte[] agree() throws HandshakeException {
    return mine.agree(peer);
  }
}
