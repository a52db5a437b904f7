package securechat.ecdhe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 written again from RFC 5869 with the JDK's HmacSHA256, so the tests check the key
 * schedule against a computation that shares no code with the lab's {@link Hkdf} (Bouncy Castle).
 * Submissions use {@link Hkdf#sha256}, never this class. {@link #rfc5869Sha256Cases()} gives the
 * published vectors that prove this class right.
 */
final class IndependentHkdf {
  private static final int HASH_LEN = 32;

  private IndependentHkdf() {}

  /** RFC 5869 §2.2 Extract, then §2.3 Expand. */
  static byte[] sha256(byte[] salt, byte[] ikm, byte[] info, int lengthBytes) {
    // RFC 5869 §2.2: a salt not provided is HashLen zero bytes.
    byte[] prk = hmac(salt == null || salt.length == 0 ? new byte[HASH_LEN] : salt, ikm);
    byte[] okm = new byte[lengthBytes];
    byte[] previous = new byte[0];
    // RFC 5869 §2.3: T(i) = HMAC(PRK, T(i-1) | info | i), i from 1; OKM = the first L bytes.
    for (int i = 1, done = 0; done < lengthBytes; i++) {
      byte[] input = new byte[previous.length + info.length + 1];
      System.arraycopy(previous, 0, input, 0, previous.length);
      System.arraycopy(info, 0, input, previous.length, info.length);
      input[input.length - 1] = (byte) i;
      previous = hmac(prk, input);
      int take = Math.min(HASH_LEN, lengthBytes - done);
      System.arraycopy(previous, 0, okm, done, take);
      done += take;
    }
    return okm;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  /** One published case: hex fields decoded, an absent or empty salt as an empty array. */
  record Case(String name, byte[] ikm, byte[] salt, byte[] info, int length, byte[] okm) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** RFC 5869 Appendix A.1-A.3, the SHA-256 cases of {@code vectors/rfc5869-hkdf.json}. */
  static List<Case> rfc5869Sha256Cases() {
    try (InputStream in = IndependentHkdf.class.getResourceAsStream("/vectors/rfc5869-hkdf.json")) {
      if (in == null) {
        throw new IllegalStateException("vectors/rfc5869-hkdf.json is not on the classpath");
      }
      List<Case> cases = new ArrayList<>();
      for (JsonNode vector : new ObjectMapper().readTree(in).get("cases")) {
        if (vector.get("hash").asText().equals("SHA-256")) {
          cases.add(
              new Case(
                  vector.get("name").asText(),
                  hex(vector, "ikm"),
                  vector.get("salt").isNull() ? new byte[0] : hex(vector, "salt"),
                  hex(vector, "info"),
                  vector.get("length").asInt(),
                  hex(vector, "okm")));
        }
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] hex(JsonNode vector, String field) {
    return HexFormat.of().parseHex(vector.get(field).asText());
  }
}
