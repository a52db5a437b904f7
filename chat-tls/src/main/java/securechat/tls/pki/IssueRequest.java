package securechat.tls.pki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the lab CA is asked to certify: whose certificate it is, what it is for, which host names
 * and addresses it covers, its key type and when it is valid. {@link LabCertificateAuthority#issue}
 * checks the names and turns the request into a certificate.
 *
 * <pre>{@code
 * IssueRequest localhost = IssueRequest.server("localhost", KeyType.EC_P256, Clock.systemUTC());
 * IssueRequest alice = IssueRequest.client("alice", KeyType.ED25519, Clock.systemUTC());
 * }</pre>
 *
 * @param name the identity's name: the certificate's common name (CN) and its file names
 * @param purpose server or client, written as extendedKeyUsage
 * @param dnsNames host names for the subjectAlternativeName (may be empty for a client)
 * @param ipAddresses IP literals for the subjectAlternativeName (may be empty)
 * @param keyType the kind of key pair to generate for the certificate
 * @param notBefore the first instant the certificate is valid
 * @param notAfter the last instant the certificate is valid
 */
public record IssueRequest(
    String name,
    CertificatePurpose purpose,
    List<String> dnsNames,
    List<String> ipAddresses,
    KeyType keyType,
    Instant notBefore,
    Instant notAfter) {

  /**
   * Backdating by an hour lets a machine whose clock is a little behind accept a certificate that
   * was just made (RFC 5280 §4.1.2.5 leaves clock skew to the relying party).
   */
  static final Duration BACKDATE = Duration.ofHours(1);

  /**
   * 397 days: browsers refuse server certificates valid for more than 398 days (CA/Browser Forum
   * Baseline Requirements §6.3.2), so the lab stays within what real servers get.
   */
  static final Duration LEAF_VALIDITY = Duration.ofDays(397);

  public IssueRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(purpose, "purpose");
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    if (!notBefore.isBefore(notAfter)) {
      throw new IllegalArgumentException(
          "notBefore " + notBefore + " must be before notAfter " + notAfter);
    }
  }

  /**
   * A server certificate for this machine: DNS name {@code localhost}, IP address {@code
   * 127.0.0.1}, and {@code name} as a DNS name too when it is a host name other than localhost.
   * Valid from an hour ago for 397 days.
   */
  public static IssueRequest server(String name, KeyType type, Clock clock) {
    List<String> dnsNames = new ArrayList<>(List.of("localhost"));
    if (!name.equals("localhost") && SubjectNames.isHostName(name)) {
      dnsNames.add(name);
    }
    Instant now = clock.instant();
    return new IssueRequest(
        name,
        CertificatePurpose.SERVER,
        dnsNames,
        List.of("127.0.0.1"),
        type,
        now.minus(BACKDATE),
        now.plus(LEAF_VALIDITY));
  }

  /**
   * A client certificate for mutual TLS: the server reads who the client is from the common name,
   * so no subjectAlternativeName is needed. Valid from an hour ago for 397 days.
   */
  public static IssueRequest client(String name, KeyType type, Clock clock) {
    Instant now = clock.instant();
    return new IssueRequest(
        name,
        CertificatePurpose.CLIENT,
        List.of(),
        List.of(),
        type,
        now.minus(BACKDATE),
        now.plus(LEAF_VALIDITY));
  }

  /** The same request with another validity period, e.g. one already over, for tests. */
  public IssueRequest withValidity(Instant notBefore, Instant notAfter) {
    return new IssueRequest(name, purpose, dnsNames, ipAddresses, keyType, notBefore, notAfter);
  }

  /** The same request with these subject alternative names instead of its own. */
  public IssueRequest withNames(List<String> dnsNames, List<String> ipAddresses) {
    return new IssueRequest(name, purpose, dnsNames, ipAddresses, keyType, notBefore, notAfter);
  }

  /** "localhost, 127.0.0.1": the names a client may connect to, for messages. */
  String describeNames() {
    List<String> names = new ArrayList<>(dnsNames);
    names.addAll(ipAddresses);
    return names.isEmpty() ? name : String.join(", ", names);
  }
}
