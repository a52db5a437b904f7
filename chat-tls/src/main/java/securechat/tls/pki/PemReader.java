package securechat.tls.pki;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads certificates and private keys from PEM files (RFC 7468: base64 between {@code -----BEGIN
 * ...-----} and {@code -----END ...-----} lines) and certificates from PKCS12 files. Every problem
 * becomes a {@link PkiException} that names the file.
 */
final class PemReader {
  private PemReader() {}

  /**
   * Every certificate in a PEM file, in file order.
   *
   * @throws PkiException if the file is missing, is not PEM, or holds no certificate
   */
  static List<X509Certificate> certificates(Path file) throws IOException, PkiException {
    List<X509Certificate> certificates = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Object object : objects(file)) {
      if (object instanceof X509CertificateHolder holder) {
        certificates.add(convert(holder, file));
      } else {
        String found = describe(object);
        if (!others.contains(found)) {
          others.add(found);
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new PkiException(
          file
              + " holds no certificate"
              + (others.isEmpty() ? "" : "; it holds " + String.join(", ", others)));
    }
    return Collections.unmodifiableList(certificates);
  }

  /**
   * The private key in a PEM file: PKCS#8 ({@code PRIVATE KEY}) as the lab writes it, or OpenSSL's
   * older {@code EC PRIVATE KEY} and {@code RSA PRIVATE KEY}.
   *
   * @throws PkiException if the file is missing, is not PEM, or holds no unencrypted private key
   */
  static PrivateKey privateKey(Path file) throws IOException, PkiException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    for (Object object : objects(file)) {
      try {
        if (object instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (object instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
      } catch (IOException e) {
        throw new PkiException(file + " holds a private key this JDK cannot read", e);
      }
    }
    throw new PkiException(file + " holds no unencrypted private key");
  }

  /**
   * The certificates in a file to show: a PKCS12 file if its name ends in {@code .p12} or {@code
   * .pfx} (opened with the lab password), PEM otherwise. From PKCS12, each key entry gives its
   * chain and each trusted-certificate entry its certificate.
   */
  static List<X509Certificate> anyCertificates(Path file) throws IOException, PkiException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".p12") && !name.endsWith(".pfx")) {
      return certificates(file);
    }
    KeyStore store = PkiFiles.readKeyStore(file);
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        Certificate[] chain = store.getCertificateChain(alias);
        for (Certificate certificate :
            chain != null ? chain : new Certificate[] {store.getCertificate(alias)}) {
          if (certificate instanceof X509Certificate x509) {
            certificates.add(x509);
          }
        }
      }
      if (certificates.isEmpty()) {
        throw new PkiException(file + " holds no certificate");
      }
      return certificates;
    } catch (KeyStoreException e) {
      throw new IllegalStateException("a loaded key store refused to list its entries", e);
    }
  }

  /** Every PEM object in the file, as Bouncy Castle parses it. */
  private static List<Object> objects(Path file) throws IOException, PkiException {
    List<Object> objects = new ArrayList<>();
    Reader text = PkiFiles.openText(file); // the whole file, already read: nothing to close
    try (PEMParser parser = new PEMParser(text)) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        objects.add(object);
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      // Bouncy Castle reports bad base64 or DER with unchecked exceptions as well.
      throw new PkiException(file + " is not a valid PEM file: " + e.getMessage(), e);
    }
    return objects;
  }

  private static X509Certificate convert(X509CertificateHolder holder, Path file)
      throws PkiException {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new PkiException(file + " holds a certificate this JDK cannot read", e);
    }
  }

  /** "a private key", "a public key": what was in the file instead of a certificate. */
  private static String describe(Object pemObject) {
    String type = pemObject.getClass().getSimpleName();
    return switch (type) {
      case "PrivateKeyInfo", "PEMKeyPair" -> "a private key";
      case "SubjectPublicKeyInfo" -> "a public key";
      case "PKCS8EncryptedPrivateKeyInfo", "PEMEncryptedKeyPair" -> "an encrypted private key";
      case "PKCS10CertificationRequest" -> "a certificate request";
      default -> type;
    };
  }
}
