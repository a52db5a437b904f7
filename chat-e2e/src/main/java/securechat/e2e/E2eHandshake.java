package securechat.e2e;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import securechat.core.channel.HandshakeException;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/**
 * The e2e login handshake as message steps, with no I/O: the server proves its identity and the
 * client proves it holds the identity keys of the user it claims to be. Runs inside the transport
 * (TLS, or plain), before {@code /login}. {@code docs/protocol.md} "The e2e handshake" is the spec.
 *
 * <pre>
 *   S: E2E-HELLO 1 SERVER-KEY SERVER-NONCE
 *   C: E2E-IDENTITY 1 NAME SIGNING-KEY ENCRYPTION-KEY CLIENT-NONCE SIG-C
 *        SIG-C = user's Ed25519 over (login label, SERVER-NONCE, SERVER-KEY, NAME, keys, CLIENT-NONCE)
 *   S: E2E-WELCOME 1 SIG-S
 *        SIG-S = server's Ed25519 over (server label, CLIENT-NONCE, SERVER-NONCE, NAME, keys)
 * </pre>
 *
 * <p>Fresh nonces on both sides make every signature good for one connection only: a recorded
 * {@code E2E-IDENTITY} is worthless against the next {@code E2E-HELLO}, and a recorded {@code
 * E2E-WELCOME} against the next client nonce.
 */
public final class E2eHandshake {
  static final int NONCE_BYTES = 32;
  static final String LOGIN_LABEL = "securechat-lab e2e login v1";
  static final String SERVER_LABEL = "securechat-lab e2e server v1";

  private E2eHandshake() {}

  /** What the server says first: its identity key and a fresh nonce. */
  public record Hello(PublicKey serverKey, byte[] serverNonce) {
    public static Hello fresh(ServerIdentity server, SecureRandom random) {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      return new Hello(server.publicKey(), nonce);
    }

    public String encode() {
      return "E2E-HELLO 1 "
          + Base64Text.encode(serverKey.getEncoded())
          + " "
          + Base64Text.encode(serverNonce);
    }

    public static Hello parse(String untrustedLine) throws HandshakeException {
      String[] fields = fields(untrustedLine, "E2E-HELLO", 4);
      try {
        PublicKey key =
            KeyFactory.getInstance("Ed25519")
                .generatePublic(
                    new X509EncodedKeySpec(Base64Text.decode(fields[2], "the server key")));
        return new Hello(key, nonce(fields[3], "the server nonce"));
      } catch (GeneralSecurityException e) {
        throw new HandshakeException("the server's E2E-HELLO is malformed: its key is not Ed25519");
      } catch (IllegalArgumentException e) {
        throw new HandshakeException("the server's E2E-HELLO is malformed: " + e.getMessage());
      }
    }
  }

  /** What the client proves: its name, its public identity keys, and a fresh nonce, signed. */
  public record Identity(Username name, PublicIdentity keys, byte[] clientNonce, byte[] signature) {

    /** The client signs its claim for this server and this connection. */
    public static Identity prove(
        Hello hello, Username name, IdentityKeys identity, SecureRandom random) {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      PublicIdentity keys = identity.publicIdentity();
      return new Identity(name, keys, nonce, identity.sign(loginBytes(hello, name, keys, nonce)));
    }

    public String encode() {
      return "E2E-IDENTITY 1 "
          + name
          + " "
          + keys.signingKeyBase64()
          + " "
          + keys.encryptionKeyBase64()
          + " "
          + Base64Text.encode(clientNonce)
          + " "
          + Base64Text.encode(signature);
    }

    /**
     * Server side: reads the client's claim and checks that the signature is made with the key it
     * claims, over this connection's hello: proof that the client holds the private key.
     */
    public static Identity parseAndVerify(String untrustedLine, Hello hello)
        throws HandshakeException {
      String[] fields = fields(untrustedLine, "E2E-IDENTITY", 7);
      try {
        Username name = Username.parse(fields[2]);
        PublicIdentity keys = PublicIdentity.parse(fields[3], fields[4]);
        byte[] nonce = nonce(fields[5], "the client nonce");
        byte[] signature = Base64Text.decode(fields[6], "the signature");
        Ed25519.verify(keys.signingKey(), loginBytes(hello, name, keys, nonce), signature);
        return new Identity(name, keys, nonce, signature);
      } catch (ProtocolException e) {
        throw new HandshakeException("E2E-IDENTITY names no valid user: " + e.sentence());
      } catch (SignatureException e) {
        throw new HandshakeException(
            "the client's identity proof does not verify: it does not hold the key it claims");
      } catch (IllegalArgumentException e) {
        throw new HandshakeException("E2E-IDENTITY is malformed: " + e.getMessage());
      }
    }
  }

  /** The server's answer: its signature over the client's nonce and claim. */
  public static String welcome(ServerIdentity server, Hello hello, Identity client)
      throws GeneralSecurityException {
    byte[] signature = server.sign(serverBytes(hello, client));
    return "E2E-WELCOME 1 " + Base64Text.encode(signature);
  }

  /**
   * Client side: checks that the server signed this connection's nonces with the key it showed in
   * its hello (which the caller has already checked against the pinned key).
   */
  public static void verifyWelcome(String untrustedLine, Hello hello, Identity client)
      throws HandshakeException {
    String[] fields = fields(untrustedLine, "E2E-WELCOME", 3);
    byte[] signature;
    try {
      signature = Base64Text.decode(fields[2], "the signature");
    } catch (IllegalArgumentException e) {
      throw new HandshakeException("the server's E2E-WELCOME is malformed: " + e.getMessage());
    }
    if (!ServerIdentity.verify(hello.serverKey(), serverBytes(hello, client), signature)) {
      throw new HandshakeException(
          "the server's E2E-WELCOME signature does not verify: it does not hold its identity key");
    }
  }

  private static byte[] loginBytes(
      Hello hello, Username name, PublicIdentity keys, byte[] clientNonce) {
    return SigningInput.labelled(LOGIN_LABEL)
        .field(hello.serverNonce())
        .field(hello.serverKey().getEncoded())
        .field(name.value())
        .field(keys.signingKey())
        .field(keys.encryptionKey())
        .field(clientNonce)
        .toBytes();
  }

  private static byte[] serverBytes(Hello hello, Identity client) {
    return SigningInput.labelled(SERVER_LABEL)
        .field(client.clientNonce())
        .field(hello.serverNonce())
        .field(client.name().value())
        .field(client.keys().signingKey())
        .field(client.keys().encryptionKey())
        .toBytes();
  }

  private static byte[] nonce(String untrusted, String what) {
    byte[] nonce = Base64Text.decode(untrusted, what);
    if (nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException(
          what + " is " + nonce.length + " bytes, not " + NONCE_BYTES);
    }
    return nonce;
  }

  /** Splits a handshake line, refusing a wrong keyword, version or field count. */
  private static String[] fields(String untrustedLine, String keyword, int count)
      throws HandshakeException {
    if (untrustedLine == null) {
      throw new HandshakeException("the peer closed the connection during the e2e handshake");
    }
    if (untrustedLine.startsWith("E2E-REFUSED ")) {
      throw new HandshakeException(
          "the server refused the e2e handshake: " + untrustedLine.substring(12));
    }
    String[] fields = untrustedLine.split(" ", -1);
    if (!fields[0].equals(keyword) || fields.length != count || !fields[1].equals("1")) {
      throw new HandshakeException(
          "expected " + keyword + " (version 1) in the e2e handshake, got " + quote(untrustedLine));
    }
    return fields;
  }

  static String quote(String untrusted) {
    return ProtocolException.quote(untrusted);
  }
}
