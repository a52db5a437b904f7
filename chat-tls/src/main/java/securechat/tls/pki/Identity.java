package securechat.tls.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A name with its private key and certificate chain: what a TLS server (or a client in mutual TLS)
 * presents. The chain starts with the identity's own certificate, the leaf, followed by the
 * certificate of the CA that signed it.
 *
 * <p><b>Protects:</b> the private key from accidental display: {@link #toString()} shows the name
 * and the certificate's fingerprint only.
 *
 * <p><b>Does not protect:</b> the key in memory or in the {@link #keyStore()}, whose password
 * {@link #STORE_PASSWORD} is public. The files on disk are protected by their permissions alone.
 *
 * @param name the identity's name, also its certificate's common name and its file names
 * @param privateKey the key matching the leaf certificate's public key
 * @param chain the leaf certificate first, then the CA certificate
 */
public record Identity(String name, PrivateKey privateKey, List<X509Certificate> chain) {
  /**
   * The password of every lab PKCS12 file ({@code pki/NAME.p12}) and of {@link #keyStore()}: {@code
   * securechat-lab}. It is printed in the documentation, so it keeps nothing secret; PKCS12 simply
   * requires one.
   */
  public static final String STORE_PASSWORD = "securechat-lab";

  /** {@link #STORE_PASSWORD} as the fresh array the key-store APIs take (and may wipe). */
  public static char[] storePassword() {
    return STORE_PASSWORD.toCharArray();
  }

  public Identity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("an identity needs at least its own certificate");
    }
  }

  /** The identity's own certificate, the first in the chain. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /**
   * A new in-memory PKCS12 key store holding one key entry: alias {@link #name()}, the private key
   * protected with {@link #STORE_PASSWORD}, and the chain. This is the form that the JDK's {@code
   * KeyManagerFactory} takes.
   */
  public KeyStore keyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null); // an empty store
      store.setKeyEntry(name, privateKey, storePassword(), chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      // An empty in-memory PKCS12 store touches no file; failing here means a broken JDK.
      throw new IllegalStateException("cannot build a PKCS12 key store for " + name, e);
    }
  }

  /** The name and the certificate's SHA-256 fingerprint; never the key. */
  @Override
  public String toString() {
    return "Identity["
        + name
        + ", SHA-256 "
        + CertificateText.sha256Fingerprint(certificate())
        + "]";
  }
}
