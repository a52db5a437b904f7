package securechat.tls.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import securechat.core.storage.DirectoryLock;

/**
 * The lab PKI's files under {@code DATA-DIR/pki}: the CA, and the identities (key plus certificate)
 * it has issued, in the formats other tools read.
 *
 * <pre>
 * pki/ca.pem            the CA certificate: give it to clients, openssl, Wireshark
 * pki/ca-key.pem        the CA private key (PKCS#8 PEM, rw-------): signs new certificates
 * pki/NAME.pem          NAME's certificate, then the CA's (the chain a server sends)
 * pki/NAME-key.pem      NAME's private key (PKCS#8 PEM, rw-------)
 * pki/NAME.p12          key and chain as PKCS12 for Java tools (rw-------, password securechat-lab)
 * </pre>
 *
 * <p><b>Protects:</b> private keys at rest from other users of the machine, by file permissions
 * alone (POSIX file systems only). Changes are serialised by a lock file, so a server and a client
 * started together create one CA, not two; each file is replaced atomically.
 *
 * <p><b>Does not protect:</b> against anyone who can read the directory as its owner: the keys are
 * not encrypted, and the PKCS12 password is published. A student's lab CA is trusted by that
 * student's lab clients only, never by a browser or the operating system.
 *
 * <pre>{@code
 * LabPki pki = LabPki.in(Path.of("lab-data"));
 * Identity server = pki.ensureServerIdentity("localhost", System.out::println);
 * X509Certificate trusted = pki.ensureAuthority(System.out::println);
 * }</pre>
 */
public final class LabPki {
  /** The lock file that serialises writers of the {@code pki} directory. */
  static final String LOCK_FILE_NAME = "pki.lock";

  private final Path directory;
  private final Clock clock;

  private LabPki(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  /** The PKI in {@code dataDir/pki}; creates nothing until something is written. */
  public static LabPki in(Path dataDir) {
    return in(dataDir, Clock.systemUTC());
  }

  /** The PKI in {@code dataDir/pki}, with a clock for validity periods and expiry checks. */
  public static LabPki in(Path dataDir, Clock clock) {
    return new LabPki(dataDir.resolve("pki"), Objects.requireNonNull(clock, "clock"));
  }

  public Path directory() {
    return directory;
  }

  /** {@code pki/ca.pem}: the CA certificate. */
  public Path caCertificateFile() {
    return directory.resolve("ca.pem");
  }

  /** {@code pki/ca-key.pem}: the CA private key, owner-only. */
  public Path caPrivateKeyFile() {
    return directory.resolve("ca-key.pem");
  }

  /** {@code pki/NAME.pem}: the identity's certificate, then the CA certificate. */
  public Path certificateFile(String name) {
    return directory.resolve(checkedName(name) + ".pem");
  }

  /** {@code pki/NAME-key.pem}: the identity's private key, PKCS#8 PEM, owner-only. */
  public Path privateKeyFile(String name) {
    return directory.resolve(checkedName(name) + "-key.pem");
  }

  /** {@code pki/NAME.p12}: key and chain as PKCS12, password {@link Identity#STORE_PASSWORD}. */
  public Path keyStoreFile(String name) {
    return directory.resolve(checkedName(name) + ".p12");
  }

  /**
   * Accepts a name for an identity: {@code [a-z0-9][a-z0-9.-]{0,62}}, neither {@code ca} nor ending
   * in {@code -key}, so that a name can never reach outside the directory or another file.
   *
   * @throws PkiException a sentence that quotes the name and states the rule
   */
  public static void checkName(String untrustedName) throws PkiException {
    SubjectNames.checkIdentityName(untrustedName);
  }

  /** Whether there is a CA certificate (ca.pem); enough for a client, which needs no CA key. */
  public boolean hasAuthority() {
    return Files.exists(caCertificateFile());
  }

  /**
   * Creates a new CA and writes ca-key.pem and ca.pem.
   *
   * @throws PkiException if either file exists already: replacing a CA invalidates every
   *     certificate it signed, so that takes {@link #replaceAuthority}
   */
  public LabCertificateAuthority initAuthority(KeyType type) throws IOException, PkiException {
    DirectoryLock lock = DirectoryLock.acquire(directory, LOCK_FILE_NAME);
    try {
      if (Files.exists(caCertificateFile()) || Files.exists(caPrivateKeyFile())) {
        throw new PkiException(
            "a lab CA already exists in "
                + directory
                + "; replacing it would invalidate every certificate it signed");
      }
      return writeNewAuthority(type);
    } finally {
      lock.close();
    }
  }

  /** Creates a new CA, overwriting any old one; certificates the old CA signed stop verifying. */
  public LabCertificateAuthority replaceAuthority(KeyType type) throws IOException, PkiException {
    DirectoryLock lock = DirectoryLock.acquire(directory, LOCK_FILE_NAME);
    try {
      return writeNewAuthority(type);
    } finally {
      lock.close();
    }
  }

  private LabCertificateAuthority writeNewAuthority(KeyType type) throws IOException, PkiException {
    LabCertificateAuthority authority = LabCertificateAuthority.create(type, clock);
    // Key first: whoever sees the new ca.pem can rely on its key being there.
    PkiFiles.writePrivateKey(caPrivateKeyFile(), authority.privateKey());
    PkiFiles.writeCertificates(caCertificateFile(), List.of(authority.certificate()));
    return authority;
  }

  /**
   * Loads the CA from ca.pem and ca-key.pem, checking that the key belongs to the certificate.
   *
   * @throws PkiException if a file is missing, corrupt, or the two do not belong together
   */
  public LabCertificateAuthority authority() throws IOException, PkiException {
    X509Certificate certificate = caCertificate();
    PrivateKey key = PemReader.privateKey(caPrivateKeyFile());
    CertificateChecks.checkKeyMatches(key, certificate, caPrivateKeyFile());
    return LabCertificateAuthority.of(key, certificate);
  }

  /**
   * The CA certificate from ca.pem, what a client trusts.
   *
   * @throws PkiException if ca.pem is missing or holds no certificate
   */
  public X509Certificate caCertificate() throws IOException, PkiException {
    return PemReader.certificates(caCertificateFile()).get(0);
  }

  /**
   * Writes NAME-key.pem, NAME.p12 and NAME.pem, each atomically, the certificate last: whoever
   * finds NAME.pem finds the key files too.
   *
   * @return {@code identity}, for chaining
   * @throws IllegalArgumentException if the identity's name is not valid ({@link #checkName})
   */
  public Identity save(Identity identity) throws IOException {
    String name = checkedName(identity.name());
    DirectoryLock lock = DirectoryLock.acquire(directory, LOCK_FILE_NAME);
    try {
      PkiFiles.writePrivateKey(privateKeyFile(name), identity.privateKey());
      PkiFiles.writeKeyStore(keyStoreFile(name), identity);
      PkiFiles.writeCertificates(certificateFile(name), identity.chain());
    } finally {
      lock.close();
    }
    return identity;
  }

  /** Whether NAME.pem and NAME-key.pem exist; false for a name that is not valid. */
  public boolean hasIdentity(String name) {
    return SubjectNames.isIdentityName(name)
        && Files.exists(certificateFile(name))
        && Files.exists(privateKeyFile(name));
  }

  /**
   * Loads an identity from NAME-key.pem and NAME.pem, checking that key and certificate belong
   * together.
   *
   * @throws PkiException if the name is not valid, or a file is missing, corrupt or mismatched
   */
  public Identity identity(String name) throws IOException, PkiException {
    checkName(name);
    List<X509Certificate> chain = PemReader.certificates(certificateFile(name));
    PrivateKey key = PemReader.privateKey(privateKeyFile(name));
    CertificateChecks.checkKeyMatches(key, chain.get(0), privateKeyFile(name));
    return new Identity(name, key, chain);
  }

  /**
   * Loads the identity, or creates what is missing (the CA with EC P-256, then the certificate),
   * calling {@code say.accept(one line)} for each thing created. A certificate that has expired, or
   * was signed by another CA than the current one, is replaced the same way.
   */
  public Identity ensureServerIdentity(String name, Consumer<String> say)
      throws IOException, PkiException {
    checkName(name);
    return ensureIdentity(IssueRequest.server(name, KeyType.EC_P256, clock), say);
  }

  /** As {@link #ensureServerIdentity}, for a client certificate (mutual TLS). */
  public Identity ensureClientIdentity(String name, Consumer<String> say)
      throws IOException, PkiException {
    checkName(name);
    return ensureIdentity(IssueRequest.client(name, KeyType.EC_P256, clock), say);
  }

  /** The CA certificate, creating an EC P-256 CA first if there is none (saying so). */
  public X509Certificate ensureAuthority(Consumer<String> say) throws IOException, PkiException {
    DirectoryLock lock = DirectoryLock.acquire(directory, LOCK_FILE_NAME);
    try {
      if (!hasAuthority()) {
        writeNewAuthority(KeyType.EC_P256);
        say.accept(createdAuthority(KeyType.EC_P256, caCertificateFile()));
      }
      return caCertificate();
    } finally {
      lock.close();
    }
  }

  private Identity ensureIdentity(IssueRequest request, Consumer<String> say)
      throws IOException, PkiException {
    DirectoryLock lock = DirectoryLock.acquire(directory, LOCK_FILE_NAME);
    try {
      X509Certificate caCertificate = ensureAuthority(say);
      Path file = certificateFile(request.name());
      if (!hasIdentity(request.name())) {
        Identity created = save(authority().issue(request));
        say.accept(createdIdentity(request, file));
        return created;
      }
      Identity existing = identity(request.name());
      Optional<String> problem =
          CertificateChecks.findProblem(
              existing.certificate(), caCertificate, request.purpose(), clock.instant());
      if (problem.isEmpty()) {
        return existing;
      }
      Identity replaced = save(authority().issue(request));
      say.accept(replacedIdentity(request, problem.get(), file));
      return replaced;
    } finally {
      lock.close();
    }
  }

  private static String checkedName(String name) {
    if (!SubjectNames.isIdentityName(name)) {
      throw new IllegalArgumentException("not a valid identity name: " + PkiException.cut(name));
    }
    return name;
  }

  /** "created a lab CA (EC P-256): lab-data/pki/ca.pem" */
  static String createdAuthority(KeyType type, Path file) {
    return "created a lab CA (" + type.describe() + "): " + file;
  }

  /** "created a server certificate for localhost, 127.0.0.1 signed by the lab CA: FILE" */
  static String createdIdentity(IssueRequest request, Path file) {
    return "created a "
        + request.purpose().word()
        + " certificate for "
        + request.describeNames()
        + " signed by the lab CA: "
        + file;
  }

  private static String replacedIdentity(IssueRequest request, String reason, Path file) {
    return "replaced the "
        + request.purpose().word()
        + " certificate for "
        + request.describeNames()
        + " ("
        + reason
        + ") with one signed by the lab CA: "
        + file;
  }
}
