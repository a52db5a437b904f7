package securechat.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import securechat.core.identity.ServerIdentity;
import securechat.sniffer.capture.BpfFilters;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.capture.PcapFileReader;
import securechat.sniffer.dissect.SecretSearch;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.report.Analysis;
import securechat.sniffer.stream.TcpReassembler;
import securechat.sniffer.stream.TcpStream;

/**
 * What one stage's capture file shows an eavesdropper, measured by reading the file back the way
 * {@code lab sniff --read} does and searching its reassembled streams: nothing here is assumed from
 * the stage's name, so a stage that leaked would be reported as leaking.
 *
 * @param analysis the sniffer's analysis of the file (searched for the message)
 * @param password whether either password is in the captured bytes
 * @param message whether the message or the whisper is
 * @param file whether the file's secret line is
 * @param leaks what else the capture gives away, in the table's words: {@code user names}, {@code
 *     SNI localhost}, {@code certificate}, {@code server key}, {@code sizes}, {@code timing}
 * @param excerpts a few messages that show best what an eavesdropper sees
 */
public record WireFindings(
    Analysis analysis,
    Seen password,
    Seen message,
    Seen file,
    List<String> leaks,
    List<WireMessage> excerpts) {

  /** How many messages {@link #excerpts} holds at most. */
  static final int EXCERPTS = 5;

  public WireFindings {
    leaks = List.copyOf(leaks);
    excerpts = List.copyOf(excerpts);
  }

  /**
   * Reads {@code capture} (the traffic to {@code port}) and searches it.
   *
   * @param stageDir the stage's data folder, where its certificate and server key are: the demo
   *     searches the capture for them too
   */
  static WireFindings read(Path capture, int port, DemoStage stage, Path stageDir)
      throws CaptureException, IOException {
    TcpReassembler reassembler = new TcpReassembler();
    CaptureCounts counts =
        PcapFileReader.read(capture, BpfFilters.forPorts(port), reassembler::accept);
    reassembler.finish();
    List<TcpStream> streams = reassembler.streams();
    Analysis analysis =
        Analysis.of(
            counts,
            streams,
            Optional.of(stage.dissectAs()),
            Optional.empty(),
            Optional.of(Scenario.MESSAGE));
    return new WireFindings(
        analysis,
        Seen.of(foundAny(streams, Scenario.passwords())),
        Seen.of(foundAny(streams, Scenario.messages())),
        Seen.of(foundAny(streams, List.of(Scenario.FILE_SECRET))),
        leaks(analysis, stage, stageDir),
        excerpts(analysis));
  }

  private static boolean foundAny(List<TcpStream> streams, List<String> texts) {
    return texts.stream().anyMatch(text -> !SecretSearch.find(streams, text).isEmpty());
  }

  private static List<String> leaks(Analysis analysis, DemoStage stage, Path stageDir)
      throws IOException {
    List<TcpStream> streams = analysis.streams();
    Set<String> leaks = new LinkedHashSet<>();
    // Names as the protocol writes them, between spaces: base64 never contains a space, so a
    // ciphertext cannot fake this by chance.
    if (foundAny(streams, List.of(" " + Scenario.ALICE + " ", " " + Scenario.BOB + " "))) {
      leaks.add("user names");
    }
    for (WireMessage message : analysis.messages()) {
      message.details().stream()
          .filter(detail -> detail.startsWith("SNI "))
          .forEach(detail -> leaks.add(detail));
    }
    for (byte[] certificate : certificates(stageDir.resolve("pki").resolve("localhost.pem"))) {
      if (!SecretSearch.find(streams, certificate).isEmpty()) {
        leaks.add("certificate");
      }
    }
    Optional<PublicKey> serverKey = serverKey(stageDir, stage.name());
    if (serverKey.isPresent() && foundAny(streams, serverKey.get())) {
      leaks.add("server key");
    }
    if (analysis.streams().stream().anyMatch(WireFindings::carriesData)) {
      leaks.add("sizes");
      leaks.add("timing");
    }
    return List.copyOf(leaks);
  }

  private static boolean foundAny(List<TcpStream> streams, PublicKey key) {
    byte[] der = key.getEncoded();
    return !SecretSearch.find(streams, der).isEmpty()
        || !SecretSearch.find(streams, Base64.getEncoder().encode(der)).isEmpty();
  }

  private static boolean carriesData(TcpStream stream) {
    return stream.chunks().stream().anyMatch(chunk -> chunk.bytes().length > 0);
  }

  /** The certificates in a PEM file (the tls and e2e stages' server certificate), if any. */
  private static List<byte[]> certificates(Path pem) throws IOException {
    if (!Files.exists(pem)) {
      return List.of();
    }
    try (InputStream in = Files.newInputStream(pem)) {
      List<byte[]> encoded = new ArrayList<>();
      for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        encoded.add(certificate.getEncoded());
      }
      return encoded.subList(0, Math.min(1, encoded.size())); // the leaf, not the CA
    } catch (CertificateException e) {
      throw new IOException("cannot read " + pem + ": " + e.getMessage(), e);
    }
  }

  private static Optional<PublicKey> serverKey(Path stageDir, String stageName) throws IOException {
    Path file = ServerIdentity.file(stageDir, stageName);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ServerIdentity.loadOrCreate(stageDir, stageName, line -> {}).publicKey());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** What gives secrets away first, then handshake lines, then what is encrypted. */
  private static List<WireMessage> excerpts(Analysis analysis) {
    List<WireMessage> chosen = new ArrayList<>();
    for (Flag flag : List.of(Flag.PASSWORD, Flag.MESSAGE, Flag.FILE)) {
      analysis.messages().stream().filter(m -> m.has(flag)).limit(2).forEach(chosen::add);
    }
    if (chosen.isEmpty()) {
      analysis.messages().stream().filter(m -> m.has(Flag.HANDSHAKE)).limit(2).forEach(chosen::add);
      analysis.messages().stream().filter(m -> m.has(Flag.OPAQUE)).limit(3).forEach(chosen::add);
    }
    return chosen.stream().distinct().sorted(WireFindings::byFrame).limit(EXCERPTS).toList();
  }

  private static int byFrame(WireMessage a, WireMessage b) {
    return Long.compare(a.frame(), b.frame());
  }
}
