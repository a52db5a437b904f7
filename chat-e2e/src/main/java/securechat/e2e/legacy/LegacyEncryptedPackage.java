package securechat.e2e.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Seed 004's {@code encrypted_package}: what one sender sends one recipient, carried as a JSON
 * string inside the {@code message} object.
 *
 * <pre>
 *   {"encrypted_content":"&lt;base64 DES-ECB(text) under K&gt;",
 *    "encrypted_key":"&lt;base64 K^e mod n, recipient's key&gt;",
 *    "signed_key":"&lt;base64 K^d mod n, sender's key&gt;",
 *    "sender_public_key":"-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----\n"}
 * </pre>
 *
 * <p>(Written without the line breaks shown here.) {@code signed_key} and {@code sender_public_key}
 * together give K to anyone who reads the package: see {@link LegacyKeyRecovery}.
 *
 * <p>A record of arrays: {@link #equals} compares the arrays' identity, so compare {@link #toJson}
 * instead.
 *
 * @param senderPublicKey the key text the sender put in; untrusted, as nothing checks it against
 *     the directory
 */
public record LegacyEncryptedPackage(
    byte[] encryptedContent, byte[] encryptedKey, byte[] signedKey, String senderPublicKey) {

  public LegacyEncryptedPackage {
    Objects.requireNonNull(encryptedContent, "encryptedContent");
    Objects.requireNonNull(encryptedKey, "encryptedKey");
    Objects.requireNonNull(signedKey, "signedKey");
    Objects.requireNonNull(senderPublicKey, "senderPublicKey");
  }

  /** The package as the seed's JSON text, fields in the order above. */
  public String toJson() {
    ObjectNode json = Seed004Json.newObject();
    json.put("encrypted_content", Seed004Json.base64(encryptedContent));
    json.put("encrypted_key", Seed004Json.base64(encryptedKey));
    json.put("signed_key", Seed004Json.base64(signedKey));
    json.put("sender_public_key", senderPublicKey);
    return Seed004Json.write(json);
  }

  /**
   * Reads a package's JSON text; the key text inside is not parsed yet.
   *
   * @throws Seed004FormatException if it is not JSON, or a field is missing or not base64
   */
  public static LegacyEncryptedPackage parse(String untrustedJson) throws Seed004FormatException {
    JsonNode json = Seed004Json.parseObject(untrustedJson, "an encrypted_package");
    return new LegacyEncryptedPackage(
        Seed004Json.base64(json, "encrypted_content"),
        Seed004Json.base64(json, "encrypted_key"),
        Seed004Json.base64(json, "signed_key"),
        Seed004Json.text(json, "sender_public_key"));
  }

  /** Sizes only: the bytes are in {@link #toJson}. */
  @Override
  public String toString() {
    return "LegacyEncryptedPackage[encryptedContent="
        + encryptedContent.length
        + " bytes, encryptedKey="
        + encryptedKey.length
        + " bytes, signedKey="
        + signedKey.length
        + " bytes]";
  }
}
