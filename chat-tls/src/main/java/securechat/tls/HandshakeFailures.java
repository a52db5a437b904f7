package securechat.tls;

import java.util.Locale;
import javax.net.ssl.SSLException;
import securechat.core.channel.HandshakeException;

/**
 * Turns JSSE's handshake exceptions into one sentence a student can act on. JSSE's own messages
 * ("PKIX path building failed: unable to find valid certification path to requested target") are
 * accurate but say nothing about what to do; the original message stays in the cause for {@code
 * --debug}.
 */
final class HandshakeFailures {
  private HandshakeFailures() {}

  /**
   * @param serverSide true when we are the server (the peer is a client)
   */
  static HandshakeException explain(SSLException failure, boolean serverSide) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateRejectedException rejected) {
        return new HandshakeException(rejected.getMessage(), rejected.hint(), failure);
      }
    }
    String peer = serverSide ? "the client" : "the server";
    String jsse = String.valueOf(failure.getMessage());
    String why = jsse.toLowerCase(Locale.ROOT);
    if (why.contains("unsupported or unrecognized ssl message")) {
      return new HandshakeException(
          peer + " does not speak TLS (its first bytes are not a TLS record)",
          serverSide ? null : "is it a plain-stage server? use the same --stage on both sides",
          failure);
    }
    if (why.contains("protocol_version")
        || why.contains("protocol")
            && (why.contains("not enabled") || why.contains("not accepted"))) {
      return new HandshakeException(
          peer + " offered only TLS 1.2 or older; this stage speaks TLS 1.3 only", null, failure);
    }
    if (why.contains("certificate_required")) {
      return serverSide
          ? new HandshakeException(
              "the client sent no certificate; this server requires one (--mutual-tls)",
              null,
              failure)
          : new HandshakeException(
              "the server requires a client certificate (mutual TLS)",
              "add --mutual-tls to the client",
              failure);
    }
    if (why.contains("fatal alert")) {
      // RFC 8446 §6.2: an alert names the problem but not which check failed.
      return new HandshakeException(
          peer + " ended the handshake with a " + jsse.substring(why.indexOf("fatal alert")),
          serverSide
              ? null
              : "with --mutual-tls, the client certificate must come from the server's lab CA",
          failure);
    }
    if (why.contains("terminated the handshake") || why.contains("remote host closed")) {
      return new HandshakeException(
          peer + " closed the connection during the handshake", null, failure);
    }
    return new HandshakeException("TLS handshake failed: " + jsse, null, failure);
  }
}
