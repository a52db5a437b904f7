package securechat.e2e;

import java.security.SignatureException;
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

/**
 * Ed25519 signatures made and checked per second (RFC 8032, Bouncy Castle's signer) over 200 bytes.
 * Each e2e envelope is one signature at the sender and one check at the recipient; an envelope of a
 * 100-byte whisper signs 297 bytes (labels, header, ENC, ciphertext), but length hardly matters:
 * SHA-512 eats 128 bytes a block, next to a scalar multiplication. The check (a double scalar
 * multiplication, after decoding the key's point) costs more than the signature. Compare with
 * {@code openssl speed ed25519}, the physical anchor issue 11 names, and with {@link
 * HpkeBenchmark}, the other half of an envelope's cost.
 *
 * <p>In the stage's package because {@link IdentityKeys#fromPrivateBytes} is package-private: the
 * key comes from a fixed seed, so every run signs with the same key.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Ed25519Benchmark {
  @Param({"200"})
  public int messageBytes;

  private IdentityKeys signer;
  private byte[] publicKey;
  private byte[] message;
  private byte[] signature;

  @Setup
  public void setUp() {
    Random random = new Random(8032);
    signer = IdentityKeys.fromPrivateBytes(bytes(random, 32), bytes(random, 32));
    publicKey = signer.publicIdentity().signingKey();
    message = bytes(random, messageBytes);
    signature = sign();
  }

  /** What {@link Envelope#seal} calls: {@link IdentityKeys#sign}. */
  @Benchmark
  public byte[] sign() {
    return signer.sign(message);
  }

  /** What {@link Envelope#open} calls; it throws when the signature does not match. */
  @Benchmark
  public void verify() throws SignatureException {
    Ed25519.verify(publicKey, message, signature);
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
