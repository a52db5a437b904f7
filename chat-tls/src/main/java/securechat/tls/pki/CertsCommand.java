package securechat.tls.pki;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import securechat.core.cli.ConfigException;
import securechat.core.cli.DataDirOption;

/**
 * {@code lab certs}: creates the lab CA, issues certificates with it, and shows what is in a
 * certificate file. The servers and clients of the tls stage create what they need by themselves;
 * this command is for doing it by hand, choosing key types and names, and looking inside.
 *
 * <pre>
 * $ lab certs init
 * created a lab CA (EC P-256): lab-data/pki/ca.pem
 * created a server certificate for localhost, 127.0.0.1 signed by the lab CA: ...
 * $ lab certs issue --name alice --client
 * $ lab certs issue --name chat.example --dns chat.example --ip 10.0.0.5
 * $ lab certs show lab-data/pki/localhost.pem
 * </pre>
 */
@Command(
    name = "certs",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Make the lab certificate authority (CA) and the certificates it signs, or show a"
          + " certificate.",
      "Files go to DIR/pki: PEM for openssl and Wireshark, PKCS12 for Java tools (password"
          + " securechat-lab)."
    })
public final class CertsCommand {
  private static final String INIT_HINT = "create one with './lab certs init'";
  private static final String DNS_HELP =
      "A DNS name for the certificate (repeatable). With --dns or --ip, the default names"
          + " (localhost, 127.0.0.1 and NAME) are left out.";
  private static final String IP_HELP = "An IP address for the certificate (repeatable).";

  @Spec private CommandSpec spec;

  private final Clock clock;

  public CertsCommand() {
    this(Clock.systemUTC());
  }

  /** For tests: validity periods and expiry flags follow {@code clock}. */
  CertsCommand(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Create the lab CA and a server certificate for localhost.")
  void init(
      @Option(
              names = "--key-type",
              paramLabel = "TYPE",
              defaultValue = "ec",
              description = "ec (default), rsa or ed25519, for the CA and the localhost key.")
          String keyTypeName,
      @Option(
              names = "--force",
              description = "Replace an existing CA: certificates it signed stop verifying.")
          boolean force,
      @Mixin DataDirOption dataDir)
      throws ConfigException, IOException {
    KeyType type = parseKeyType(keyTypeName);
    LabPki pki = LabPki.in(dataDir.dataDir(), clock);
    boolean replacing = pki.hasAuthority() || Files.exists(pki.caPrivateKeyFile());
    if (replacing && !force) {
      throw new ConfigException(
          "a lab CA already exists in " + pki.directory(),
          "use --force to replace it, which invalidates every certificate it signed");
    }
    try {
      LabCertificateAuthority authority =
          replacing ? pki.replaceAuthority(type) : pki.initAuthority(type);
      printAuthority(pki, type, replacing);
      IssueRequest request = IssueRequest.server("localhost", type, clock);
      printIssued(pki, request, pki.save(authority.issue(request)));
      String fingerprint = CertificateText.sha256Fingerprint(authority.certificate());
      out().println("CA fingerprint (SHA-256): " + fingerprint);
    } catch (PkiException e) {
      throw userError(e);
    }
  }

  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = "Issue a server (default) or client certificate signed by the lab CA.")
  void issue(
      @Option(
              names = "--name",
              required = true,
              paramLabel = "NAME",
              description = "Common name and file name: lowercase letters, digits, '.', '-'.")
          String untrustedName,
      @Option(names = "--client", description = "A client certificate, for mutual TLS.")
          boolean client,
      @Option(
              names = "--key-type",
              paramLabel = "TYPE",
              defaultValue = "ec",
              description = "ec (default), rsa or ed25519.")
          String keyTypeName,
      @Option(names = "--dns", paramLabel = "NAME", description = DNS_HELP) List<String> dnsNames,
      @Option(names = "--ip", paramLabel = "ADDR", description = IP_HELP) List<String> ipAddresses,
      @Mixin DataDirOption dataDir)
      throws ConfigException, IOException {
    List<String> dns = dnsNames == null ? List.of() : dnsNames; // null when not given
    List<String> ips = ipAddresses == null ? List.of() : ipAddresses;
    try {
      IssueRequest request = request(untrustedName, client, parseKeyType(keyTypeName), dns, ips);
      LabPki pki = LabPki.in(dataDir.dataDir(), clock);
      if (!pki.hasAuthority()) {
        throw new ConfigException("there is no lab CA in " + pki.directory(), INIT_HINT);
      }
      Identity identity = pki.authority().issue(request);
      printIssued(pki, request, pki.save(identity));
    } catch (PkiException e) {
      throw userError(e);
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Describe each certificate in a PEM file, or in a .p12 with the lab password.")
  void show(
      @Parameters(
              paramLabel = "FILE",
              description = "A PEM file (.pem, .crt) or PKCS12 (.p12, .pfx).")
          Path file)
      throws ConfigException, IOException {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "no such file: " + file, "the lab's certificates are in lab-data/pki/*.pem");
    }
    List<X509Certificate> certificates;
    try {
      certificates = PemReader.anyCertificates(file);
    } catch (PkiException e) {
      throw userError(e);
    }
    for (int i = 0; i < certificates.size(); i++) {
      if (certificates.size() > 1) {
        out()
            .println(
                (i == 0 ? "" : "\n") + "certificate " + (i + 1) + " of " + certificates.size());
      }
      CertificateText.describe(certificates.get(i), clock).forEach(out()::println);
    }
  }

  private IssueRequest request(
      String untrustedName, boolean client, KeyType type, List<String> dns, List<String> ips)
      throws PkiException, ConfigException {
    LabPki.checkName(untrustedName);
    if (client) {
      if (!dns.isEmpty() || !ips.isEmpty()) {
        throw new ConfigException(
            "--dns and --ip are for server certificates",
            "a client certificate names its user in the common name: --name alone");
      }
      return IssueRequest.client(untrustedName, type, clock);
    }
    for (String name : dns) {
      SubjectNames.checkDnsName(name);
    }
    for (String address : ips) {
      SubjectNames.checkIpAddress(address);
    }
    IssueRequest request = IssueRequest.server(untrustedName, type, clock);
    return dns.isEmpty() && ips.isEmpty() ? request : request.withNames(dns, ips);
  }

  private void printAuthority(LabPki pki, KeyType type, boolean replacing) {
    out().println(LabPki.createdAuthority(type, pki.caCertificateFile()));
    out().println("  private key: " + pki.caPrivateKeyFile() + " (keep it to yourself)");
    if (replacing) {
      out().println("  the old CA is gone: issue its certificates again with './lab certs issue'");
    }
  }

  private void printIssued(LabPki pki, IssueRequest request, Identity identity) {
    String name = identity.name();
    out().println(LabPki.createdIdentity(request, pki.certificateFile(name)));
    out().println("  private key: " + pki.privateKeyFile(name));
    out()
        .println(
            "  PKCS12:      "
                + pki.keyStoreFile(name)
                + " (password "
                + Identity.STORE_PASSWORD
                + ")");
    out().println("  SHA-256:     " + CertificateText.sha256Fingerprint(identity.certificate()));
  }

  private static KeyType parseKeyType(String name) throws ConfigException {
    try {
      return KeyType.parse(name);
    } catch (PkiException e) {
      throw userError(e);
    }
  }

  private static ConfigException userError(PkiException e) {
    return new ConfigException(e.getMessage(), null, e);
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
