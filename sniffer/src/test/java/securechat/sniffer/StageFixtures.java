package securechat.sniffer;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import securechat.core.server.ChatServer;
import securechat.sniffer.capture.BpfFilters;
import securechat.sniffer.capture.LiveCapture;
import securechat.sniffer.capture.LiveCaptureOptions;

/**
 * Makes the committed offline fixtures: one real session per stage captured on {@code lo}, as
 * {@code captures/stage-plain.pcap}, {@code stage-tls.pcap}, {@code stage-ecdhe.pcap} and the ecdhe
 * client's key log {@code stage-ecdhe.keylog}. Needs capture rights. Not run by the build. The
 * command that runs it is in {@code sniffer/src/test/resources/captures/README.md}.
 */
final class StageFixtures {
  private StageFixtures() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    Path work = Files.createTempDirectory("stage-fixtures");
    Path keyLog = folder.resolve("stage-ecdhe.keylog");
    Files.deleteIfExists(keyLog);
    capture(StageSessions.plain(), folder, work);
    capture(StageSessions.tls(), folder, work);
    capture(StageSessions.ecdhe(work, keyLog), folder, work);
  }

  private static void capture(StageSessions.Stage stage, Path folder, Path work) throws Exception {
    ChatServer server = StageSessions.server(stage, work.resolve(stage.name()));
    InetSocketAddress address = server.start("127.0.0.1", 0);
    Path file = folder.resolve("stage-" + stage.name() + ".pcap");
    LiveCaptureOptions options =
        LiveCaptureOptions.onLoopback(BpfFilters.forPorts(address.getPort())).writingTo(file);
    try (LiveCapture capture = LiveCapture.start(options, segment -> {})) {
      StageSessions.chat(stage, address);
      server.shutdown("fixture made");
      System.out.println(file + ": " + capture.stop());
    }
  }
}
