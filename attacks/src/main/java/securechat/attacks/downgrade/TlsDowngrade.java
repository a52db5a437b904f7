package securechat.attacks.downgrade;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import securechat.attacks.Narrator;
import securechat.attacks.Outcome;
import securechat.attacks.Verdict;
import securechat.attacks.downgrade.ClientHelloReply.ServerHello;
import securechat.core.cli.ConfigException;

/**
 * The TLS half of {@code lab attack downgrade}: sends each {@link TlsProbe} to a server on
 * loopback, on a fresh connection, reads the server's first answer and judges. The attack succeeds
 * if the server agrees to any of them; it is refused only if every probe is.
 */
final class TlsDowngrade {
  /** The name for SNI: the one on the lab's certificate. */
  static final String SERVER_NAME = "localhost";

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int ANSWER_TIMEOUT_MILLIS = 10_000;

  private final Narrator narrator;

  TlsDowngrade(Narrator narrator) {
    this.narrator = narrator;
  }

  /**
   * Probes {@code server}, which {@code target} names for the verdict ({@code tls}, or the address
   * given with {@code --target}).
   *
   * @param whyRefused the verdict's paragraph if every probe is refused: {@link #WHY_STAGE_REFUSED}
   *     for the tls stage, {@link #WHY_REFUSED} for any other server
   * @throws ConfigException if nothing listens there
   */
  Verdict probe(InetSocketAddress server, String target, String whyRefused)
      throws ConfigException, IOException {
    String where = server.getHostString() + ":" + server.getPort();
    List<String> evidence = new ArrayList<>();
    List<ServerHello> accepted = new ArrayList<>();
    for (TlsProbe probe : TlsProbe.all(SERVER_NAME)) {
      narrator.aboutTo("send " + probe.hello().describe() + " to " + where);
      ClientHelloReply reply = send(probe.hello(), server);
      String line = probe.name() + " → " + reply.describe();
      narrator.saw(line);
      evidence.add(line);
      if (reply instanceof ServerHello hello) {
        accepted.add(hello);
      }
    }
    Map<String, Number> figures = new LinkedHashMap<>();
    figures.put("probes", evidence.size());
    figures.put("accepted", accepted.size());
    return accepted.isEmpty()
        ? refused(target, where, evidence, figures, whyRefused)
        : succeeded(target, where, accepted, evidence, figures);
  }

  /** Sends {@code hello} on a new connection and reads the answer. */
  static ClientHelloReply send(ClientHello hello, InetSocketAddress server)
      throws ConfigException, IOException {
    try (Socket socket = new Socket()) {
      try {
        socket.connect(server, CONNECT_TIMEOUT_MILLIS);
      } catch (ConnectException e) {
        throw new ConfigException(
            "nothing listens on " + server.getHostString() + ":" + server.getPort(),
            "start the TLS server first (the lab guide shows an openssl s_server command)");
      }
      socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
      socket.getOutputStream().write(hello.toRecord());
      socket.getOutputStream().flush();
      return ClientHelloReplyReader.read(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      return new ClientHelloReply.NoAnswer(
          "the server sent nothing within " + ANSWER_TIMEOUT_MILLIS / 1000 + " s");
    } catch (SocketException e) {
      return new ClientHelloReply.NoAnswer("the server reset the connection: " + e.getMessage());
    }
  }

  private static Verdict succeeded(
      String target,
      String where,
      List<ServerHello> accepted,
      List<String> evidence,
      Map<String, Number> figures) {
    ServerHello worst = worst(accepted);
    String weakness =
        CipherSuite.find(worst.cipherSuite())
            .flatMap(CipherSuite::weakness)
            .map(text -> " (" + text + ")")
            .orElse("");
    String headline =
        String.format(
            "the server on %s agreed to %s with %s%s; it accepted %d of the %d probes",
            where,
            TlsNames.version(worst.version()),
            CipherSuite.nameOf(worst.cipherSuite()),
            weakness,
            accepted.size(),
            evidence.size());
    return new Verdict(
        DowngradeCommand.NAME,
        target,
        Outcome.SUCCEEDED,
        headline,
        WHY_ACCEPTED,
        evidence,
        figures);
  }

  /**
   * The first accepted hello whose suite is weak (the probes go weakest first), else the oldest.
   */
  private static ServerHello worst(List<ServerHello> accepted) {
    Optional<ServerHello> weakSuite =
        accepted.stream()
            .filter(
                hello ->
                    CipherSuite.find(hello.cipherSuite())
                        .flatMap(CipherSuite::weakness)
                        .isPresent())
            .findFirst();
    return weakSuite.orElseGet(
        () -> accepted.stream().min(Comparator.comparingInt(ServerHello::version)).orElseThrow());
  }

  private static Verdict refused(
      String target,
      String where,
      List<String> evidence,
      Map<String, Number> figures,
      String whyRefused) {
    return new Verdict(
        DowngradeCommand.NAME,
        target,
        Outcome.REFUSED,
        "the server on " + where + " refused all " + evidence.size() + " downgrades",
        whyRefused,
        evidence,
        figures);
  }

  private static final String WHY_ACCEPTED =
      "Client and server settle on the best version and suite they share, picked from what the"
          + " ClientHello offers, and that hello crosses the network in clear and unprotected"
          + " until the Finished messages. A man in the middle can delete what it does not want"
          + " the server to see, or break connections until the client retries with less (the"
          + " fallback that POODLE used). Whatever the server still accepts is what such an"
          + " attacker can force. TLS 1.3 signs the whole handshake and a TLS 1.3 server marks"
          + " a lower version in its random (RFC 8446 §4.1.3), and TLS_FALLBACK_SCSV (RFC 7507)"
          + " protects clients that retry; but the sure defence is a server that accepts nothing"
          + " weak: no TLS 1.0 or 1.1 (RFC 8996), no RSA key exchange, RC4, 3DES or export suites.";

  static final String WHY_STAGE_REFUSED =
      "The tls stage enables TLS 1.3 and nothing else, so a ClientHello without a"
          + " supported_versions extension naming 1.3 is answered with a protocol_version alert"
          + " before any suite is looked at: there is no older protocol to fall back to. TLS 1.3"
          + " itself has no RSA key exchange, CBC, RC4 or 3DES suites, and its server signs the"
          + " transcript of the handshake (CertificateVerify), so an attacker who edits the hellos"
          + " of a real TLS 1.3 connection is caught before any chat line. The price: a client"
          + " that speaks only TLS 1.2 cannot connect at all.";

  static final String WHY_REFUSED =
      "The server answered every hello that offered TLS 1.2 or older with an alert or silence:"
          + " whatever a man in the middle deletes from a client's ClientHello, the result is no"
          + " session rather than a weaker one. Check the other direction too: a client that still"
          + " accepts TLS 1.2 from a server can be downgraded by a man in the middle posing as"
          + " that server.";
}
