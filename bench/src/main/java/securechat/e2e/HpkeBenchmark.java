package securechat.e2e;

import java.security.GeneralSecurityException;
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
 * HPKE seals and opens per second (RFC 9180 base mode, DHKEM(X25519, HKDF-SHA256)) of a chat line
 * (100 bytes) to one recipient's X25519 key, with each AEAD the e2e stage offers. Every e2e
 * envelope is one seal at the sender and one open at the recipient, so these two rates bound issue
 * 11's target of 4,000 private messages per second. Each seal makes a fresh ephemeral key pair and
 * one key agreement; each open one key agreement and the recipient's public key (the KEM context
 * needs it, RFC 9180 §4.1): two X25519 scalar multiplications either way, next to which the AEAD on
 * 100 bytes is small. Compare with {@code openssl speed x25519} (two operations per seal) and with
 * {@link Ed25519Benchmark}, the other half of an envelope's cost.
 *
 * <p>In the stage's package because {@link Hpke#deriveKeyPair} is package-private: it makes the
 * recipient's key pair from fixed bytes, as RFC 9180's vectors make theirs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HpkeBenchmark {
  @Param({"AES_128_GCM", "CHACHA20_POLY1305"})
  public Hpke.Aead aead;

  @Param({"100"})
  public int messageBytes;

  private byte[] recipientPublicKey;
  private byte[] recipientPrivateKey;
  private byte[] aad;
  private byte[] message;
  private byte[] enc;
  private byte[] ciphertext;

  @Setup
  public void setUp() {
    Random random = new Random(9180);
    Hpke.DerivedKeyPair recipient = Hpke.deriveKeyPair(bytes(random, 32));
    recipientPublicKey = recipient.publicKey();
    recipientPrivateKey = recipient.privateKey();
    aad = bytes(random, 85); // the size of an envelope's header from alice to bob
    message = bytes(random, messageBytes);
    Hpke.Sealed sealed = seal();
    enc = sealed.enc();
    ciphertext = sealed.ciphertext();
  }

  @Benchmark
  public Hpke.Sealed seal() {
    return Hpke.seal(aead, recipientPublicKey, Envelope.INFO, aad, message);
  }

  @Benchmark
  public byte[] open() throws GeneralSecurityException {
    return Hpke.open(aead, recipientPrivateKey, enc, Envelope.INFO, aad, ciphertext);
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
