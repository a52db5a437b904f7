package securechat.tls;

import java.security.cert.CertificateException;

/**
 * A certificate that {@link LabTrustManager} refused, with one sentence saying why (expired, wrong
 * CA, wrong name). It travels inside JSSE's handshake exception; {@link HandshakeFailures} finds it
 * there and shows the sentence.
 */
final class CertificateRejectedException extends CertificateException {
  private static final long serialVersionUID = 1L;

  private final String hint;

  CertificateRejectedException(String sentence, String hint, Throwable cause) {
    super(sentence, cause);
    this.hint = hint;
  }

  String hint() {
    return hint;
  }
}
