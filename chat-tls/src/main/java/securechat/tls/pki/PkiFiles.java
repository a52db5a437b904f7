package securechat.tls.pki;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import securechat.core.storage.LabFiles;

/**
 * The lab PKI's files as bytes on disk. Each file is written to a temporary file in the same
 * directory, then renamed over the real one, so that a reader sees the old file or the new one,
 * never half of one. Private keys are created owner-only (rw-------) from the start, never readable
 * by others even for a moment. {@link PemReader} makes sense of what is read.
 */
final class PkiFiles {
  /** Certificates and keys are a few kilobytes; a chain of ten RSA certificates is under 20 KiB. */
  static final int MAX_FILE_BYTES = 1 << 20;

  private PkiFiles() {}

  /**
   * Writes certificates as PEM, one {@code -----BEGIN CERTIFICATE-----} block each, in order.
   * Certificates are public, so the file may be read by everyone (rw-r--r--, less any umask).
   */
  static void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      for (X509Certificate certificate : certificates) {
        writer.writeObject(certificate);
      }
    }
    LabFiles.writePublic(file, pem.toString().getBytes(UTF_8));
  }

  /**
   * Writes a private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, RFC 5958),
   * the form openssl 3 writes and Wireshark reads, owner-only.
   */
  static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      // A plain writeObject(key) would write OpenSSL's older per-algorithm formats.
      writer.writeObject(new JcaPKCS8Generator(key, null));
    }
    LabFiles.writePrivate(file, pem.toString().getBytes(UTF_8));
  }

  /**
   * Writes the identity's PKCS12 key store, owner-only. The JDK (21 and later) protects it with
   * PBES2 and AES-256 and an HMAC-SHA256 integrity check, which openssl 3 reads without -legacy.
   */
  static void writeKeyStore(Path file, Identity identity) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      identity.keyStore().store(bytes, Identity.storePassword());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode the PKCS12 store of " + identity.name(), e);
    }
    LabFiles.writePrivate(file, bytes.toByteArray());
  }

  /** Reads a file as UTF-8 text, for the PEM parser. */
  static Reader openText(Path file) throws IOException, PkiException {
    byte[] bytes = readBytes(file);
    try {
      // newDecoder() reports bad UTF-8 instead of replacing it, as binary files contain.
      return new StringReader(UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      throw new PkiException(file + " is not a PEM text file", e);
    }
  }

  /** Loads a PKCS12 file with the lab password {@link Identity#STORE_PASSWORD}. */
  static KeyStore readKeyStore(Path file) throws IOException, PkiException {
    byte[] bytes = readBytes(file);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), Identity.storePassword());
      return store;
    } catch (IOException | GeneralSecurityException e) {
      String password = Identity.STORE_PASSWORD;
      throw new PkiException(
          file + " is not a PKCS12 file with the lab password '" + password + "'", e);
    }
  }

  /** The whole file, refusing one too large to be a certificate or key file. */
  private static byte[] readBytes(Path file) throws IOException, PkiException {
    try {
      long sizeBytes = Files.size(file);
      if (sizeBytes > MAX_FILE_BYTES) {
        throw new PkiException(
            file + " is " + sizeBytes + " bytes; a PKI file has at most " + MAX_FILE_BYTES);
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PkiException(file + " does not exist", e);
    }
  }
}
