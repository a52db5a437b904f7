package securechat.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.X509ExtendedTrustManager;
import picocli.CommandLine.Option;
import securechat.core.channel.ChannelSecurity;
import securechat.core.cli.ConfigException;
import securechat.core.cli.StageContext;
import securechat.core.cli.StageOptions;
import securechat.tls.pki.CertificateText;
import securechat.tls.pki.Identity;
import securechat.tls.pki.LabPki;
import securechat.tls.pki.PkiException;

/**
 * The tls stage's options on {@code lab server}, and how they make the server's {@link
 * TlsSecurity}: the certificate from the lab PKI (created on first start), mutual TLS on request,
 * and the key log.
 */
public final class TlsServerOptions implements StageOptions {
  @Option(
      names = "--cert",
      paramLabel = "NAME",
      defaultValue = "localhost",
      description =
          "(tls) Serve the lab certificate NAME (lab-data/pki/NAME.pem). Default: localhost")
  private String certificateName;

  @Option(
      names = "--mutual-tls",
      description = "(tls) Require a client certificate signed by the lab CA")
  private boolean mutualTls;

  @Override
  public ChannelSecurity security(StageContext context) throws ConfigException, IOException {
    LabPki pki = LabPki.in(context.dataDir());
    try {
      Identity identity = pki.ensureServerIdentity(certificateName, context.console()::print);
      Optional<X509ExtendedTrustManager> clientTrust = Optional.empty();
      if (mutualTls) {
        clientTrust = Optional.of(LabTrustManager.trusting(pki.caCertificate(), "client"));
      }
      TlsKeyLog.startIfAsked(context);
      context
          .console()
          .print(
              "tls: serving "
                  + certificateName
                  + " (SHA-256 "
                  + CertificateText.sha256Fingerprint(identity.certificate())
                  + ")"
                  + (mutualTls ? "; clients need a certificate from the lab CA" : ""));
      return TlsSecurity.server(identity, clientTrust, context.limits());
    } catch (PkiException e) {
      throw new ConfigException(e.getMessage(), "./lab certs init creates the lab CA");
    } catch (GeneralSecurityException e) {
      throw new ConfigException("cannot set up TLS: " + e.getMessage());
    }
  }
}
