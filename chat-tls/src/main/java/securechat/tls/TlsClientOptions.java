package securechat.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.X509ExtendedTrustManager;
import picocli.CommandLine.Option;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;
import securechat.core.cli.StageOptions;
import securechat.tls.pki.Identity;
import securechat.tls.pki.LabPki;
import securechat.tls.pki.PkiException;

/**
 * The tls stage's options on {@code lab client}, and how they make the client's {@link
 * TlsSecurity}: whom to trust (the lab CA, another CA file, or, insecurely, anyone), and which
 * client certificate to present for mutual TLS.
 */
public final class TlsClientOptions implements StageOptions {
  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description = "(tls) Trust the CA certificate in FILE (PEM). Default: lab-data/pki/ca.pem")
  private Path caFile;

  @Option(
      names = "--mutual-tls",
      description = "(tls) Present a client certificate from the lab CA (see --client-cert)")
  private boolean mutualTls;

  @Option(
      names = "--client-cert",
      paramLabel = "NAME",
      defaultValue = "client",
      description = "(tls) With --mutual-tls: the lab certificate NAME to present. Default: client")
  private String clientCertificateName;

  @Option(
      names = "--insecure-trust-all",
      description =
          "(tls) INSECURE: accept any certificate without checking it (the MITM lab's victim)")
  private boolean insecureTrustAll;

  @Override
  public ChannelSecurity security(StageContext context) throws ConfigException, IOException {
    LabPki pki = LabPki.in(context.dataDir());
    try {
      X509ExtendedTrustManager trust = trust(pki, context);
      Optional<Identity> identity = Optional.empty();
      if (mutualTls) {
        identity =
            Optional.of(pki.ensureClientIdentity(clientCertificateName, context.console()::print));
      }
      TlsKeyLog.startIfAsked(context);
      return TlsSecurity.client(trust, context.host(), identity, context.limits());
    } catch (PkiException e) {
      throw new ConfigException(e.getMessage(), "./lab certs init creates the lab CA");
    } catch (GeneralSecurityException e) {
      throw new ConfigException("cannot set up TLS: " + e.getMessage());
    }
  }

  private X509ExtendedTrustManager trust(LabPki pki, StageContext context)
      throws PkiException, IOException, GeneralSecurityException, ConfigException {
    if (insecureTrustAll) {
      context
          .console()
          .print(
              "warning: --insecure-trust-all: the server's certificate will NOT be checked;"
                  + " anyone in the middle can read and change this session");
      return new InsecureTrustAllManager(context.console()::print);
    }
    X509Certificate authority =
        caFile != null ? readCertificate(caFile) : pki.ensureAuthority(context.console()::print);
    return LabTrustManager.trusting(authority, "server");
  }

  /** The first certificate in a PEM (or DER) file; the JDK's X.509 factory reads both. */
  private static X509Certificate readCertificate(Path file) throws ConfigException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (NoSuchFileException e) {
      throw new ConfigException("cannot read the CA file " + file + ": no such file");
    } catch (IOException | CertificateException e) {
      throw new ConfigException("the CA file " + file + " holds no readable certificate");
    }
  }
}
