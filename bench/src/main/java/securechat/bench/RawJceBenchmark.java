package securechat.bench;

import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor under {@link FernetBenchmark}: the same primitives (AES-128-CBC with PKCS#7 padding,
 * then HMAC-SHA256 over the ciphertext) straight from the JCE, the way a careful program uses them
 * (one Cipher and one Mac, made once and initialised again per message), with no random IV, no
 * token layout, no base64 and no time check. Issue 11 asks Fernet for at least 0.8 times this rate:
 * what the token itself may cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawJceBenchmark {
  @Param({"100", "1048576"})
  public int messageBytes;

  private SecretKeySpec aesKey;
  private IvParameterSpec iv;
  private byte[] message;
  private Cipher aes;
  private Mac hmac;

  @Setup
  public void setUp() throws GeneralSecurityException {
    Random random = new Random(11);
    byte[] key = new byte[16];
    random.nextBytes(key);
    aesKey = new SecretKeySpec(key, "AES");
    random.nextBytes(key);
    SecretKeySpec hmacKey = new SecretKeySpec(key, "HmacSHA256");
    byte[] ivBytes = new byte[16];
    random.nextBytes(ivBytes);
    iv = new IvParameterSpec(ivBytes);
    message = new byte[messageBytes];
    random.nextBytes(message);
    aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
    hmac = Mac.getInstance("HmacSHA256");
    hmac.init(hmacKey);
  }

  @Benchmark
  public byte[] cbcThenHmac() throws GeneralSecurityException {
    aes.init(Cipher.ENCRYPT_MODE, aesKey, iv);
    byte[] ciphertext = aes.doFinal(message);
    return hmac.doFinal(ciphertext);
  }
}
