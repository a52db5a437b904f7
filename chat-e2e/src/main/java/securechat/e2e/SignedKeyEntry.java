package securechat.e2e;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SignatureException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Username;

/**
 * One entry of the server's key directory: a user name bound to that user's public identity keys at
 * a time, signed by the server's identity key. Sent as {@code KEY NAME ENTRY}, where ENTRY is
 * {@code 1 SIGNING-KEY ENCRYPTION-KEY BOUND-AT SIGNATURE} (Base64 keys, seconds since 1970).
 *
 * <p><b>Protects:</b> against anyone between client and server who swaps a key: without the
 * server's private key no one can sign an entry, and the client checks every entry against the
 * server key it pinned. <b>Does not protect:</b> against the server itself, which can sign any key
 * it likes for any name. Only comparing safety numbers ({@link SafetyNumber}) catches that.
 *
 * @param name the user
 * @param keys the user's public identity keys
 * @param boundAt when the server bound them to the account
 * @param signature the server's Ed25519 signature over {@link #signedBytes()}
 */
public record SignedKeyEntry(
    Username name, PublicIdentity keys, Instant boundAt, byte[] signature) {
  static final String LABEL = "securechat-lab e2e directory v1";

  public SignedKeyEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(boundAt, "boundAt");
    signature = signature.clone();
  }

  /** The server signs {@code name}'s keys now. */
  static SignedKeyEntry sign(
      Username name, PublicIdentity keys, Instant boundAt, ServerIdentity server)
      throws java.security.GeneralSecurityException {
    byte[] unsigned = signedBytes(name, keys, boundAt);
    return new SignedKeyEntry(name, keys, boundAt, server.sign(unsigned));
  }

  /** What the server signs: the label, the name, both keys and the time, length-prefixed. */
  public byte[] signedBytes() {
    return signedBytes(name, keys, boundAt);
  }

  private static byte[] signedBytes(Username name, PublicIdentity keys, Instant boundAt) {
    return SigningInput.labelled(LABEL)
        .field(name.value())
        .field(keys.signingKey())
        .field(keys.encryptionKey())
        .field(Long.toString(boundAt.getEpochSecond()))
        .toBytes();
  }

  /**
   * Checks the server's signature; a client does this before it uses the keys.
   *
   * @throws SignatureException if {@code serverKey} did not sign exactly this entry
   */
  public void verify(PublicKey serverKey) throws SignatureException {
    if (!ServerIdentity.verify(serverKey, signedBytes(), signature)) {
      throw new SignatureException(
          "the directory entry of " + name + " is not signed by the server's identity key");
    }
  }

  /** The text after {@code KEY NAME}. */
  public String encode() {
    return "1 "
        + keys.signingKeyBase64()
        + " "
        + keys.encryptionKeyBase64()
        + " "
        + boundAt.getEpochSecond()
        + " "
        + Base64Text.encode(signature);
  }

  /**
   * Reads the text after {@code KEY NAME}; does not check the signature ({@link #verify} does).
   *
   * @throws IllegalArgumentException with a sentence if it is not an entry
   */
  public static SignedKeyEntry parse(Username name, String untrustedEntry) {
    String[] fields = untrustedEntry.split(" ", -1);
    if (fields.length != 5 || !fields[0].equals("1")) {
      throw new IllegalArgumentException(
          "the directory entry of " + name + " is not '1 SIGNING-KEY ENCRYPTION-KEY TIME SIG'");
    }
    PublicIdentity keys = PublicIdentity.parse(fields[1], fields[2]);
    Instant boundAt;
    try {
      boundAt = Instant.ofEpochSecond(Envelope.canonicalNumber(fields[3], "the time"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the directory entry of " + name + " has a bad time");
    }
    return new SignedKeyEntry(name, keys, boundAt, Base64Text.decode(fields[4], "the signature"));
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedKeyEntry e
        && e.name.equals(name)
        && e.keys.equals(keys)
        && e.boundAt.equals(boundAt)
        && MessageDigest.isEqual(e.signature, signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, keys, boundAt, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "SignedKeyEntry[" + name + ", " + keys.fingerprint() + ", bound " + boundAt + "]";
  }
}
