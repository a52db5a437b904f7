package securechat.attacks.downgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.attacks.downgrade.ClientHelloReply.Alert;
import securechat.attacks.downgrade.ClientHelloReply.NoAnswer;
import securechat.attacks.downgrade.ClientHelloReply.NotTls;
import securechat.attacks.downgrade.ClientHelloReply.ServerHello;

/**
 * A server's first answer, bytes in and values out: alerts and ServerHellos written out by hand,
 * and the JDK server's real flight ({@link JdkServerEngine}) cut into awkward pieces.
 */
class ClientHelloReplyReaderTest {
  @TempDir static Path dataDir;
  private static byte[] jdkFlight;

  @BeforeAll
  static void captureARealServerHello() throws Exception {
    JdkServerEngine jdk = JdkServerEngine.withLabCertificate(dataDir);
    jdkFlight = jdk.answer(TlsProbe.all("localhost").get(1).hello(), "TLSv1.2");
  }

  @Test
  void fatalProtocolVersionAlertIsReadAsARefusal() throws IOException {
    ClientHelloReply reply = read("15 0303 0002 02 46");

    assertThat(reply).isEqualTo(new Alert(2, 70));
    assertThat(reply.accepted()).isFalse();
    assertThat(reply.describe()).isEqualTo("alert fatal protocol_version(70)");
  }

  @Test
  void alertsUnknownHereStillShowTheirNumber() throws IOException {
    assertThat(read("15 0301 0002 01 63").describe()).isEqualTo("alert warning alert(99)");
  }

  @Test
  void handWrittenServerHelloGivesItsVersionAndSuite() throws IOException {
    String random = "11".repeat(32);
    // ServerHello: version, random, empty session id, suite 0x002f, null compression, no extensions
    String body = "0303" + random + "00" + "002f" + "00";
    ClientHelloReply reply = read("16 0303 002a" + "02 000026" + body);

    assertThat(reply).isEqualTo(new ServerHello(0x0303, 0x002f, false));
    assertThat(reply.accepted()).isTrue();
    assertThat(reply.describe())
        .isEqualTo("ServerHello: TLS 1.2 with TLS_RSA_WITH_AES_128_CBC_SHA");
  }

  @Test
  void supportedVersionsExtensionOverridesTheLegacyVersion() throws IOException {
    String body = "0303" + "22".repeat(32) + "00" + "1301" + "00" + "0006" + "002b 0002 0304";
    ClientHelloReply reply = read("16 0303 0032" + "02 00002e" + body);

    assertThat(((ServerHello) reply).version()).isEqualTo(TlsNames.TLS_1_3);
    assertThat(reply.describe()).startsWith("ServerHello: TLS 1.3 with 0x1301");
  }

  @Test
  void downgradeSentinelInTheRandomIsNoticed() throws IOException {
    String random = "33".repeat(24) + "444f574e47524401";
    String body = "0303" + random + "00" + "c02f" + "00";

    assertThat(read("16 0303 002a" + "02 000026" + body))
        .isEqualTo(new ServerHello(0x0303, 0xc02f, true));
  }

  @Test
  void realServerHelloFromTheJdkIsRead() throws IOException {
    ClientHelloReply reply = ClientHelloReplyReader.read(new ByteArrayInputStream(jdkFlight));

    assertThat(reply).isInstanceOf(ServerHello.class);
    assertThat(((ServerHello) reply).version()).isEqualTo(TlsNames.TLS_1_2);
  }

  @Test
  void serverHelloSplitAcrossTwoRecordsIsGatheredFirst() throws IOException {
    byte[] firstRecordOnly = firstRecord(jdkFlight);
    byte[] hello = Arrays.copyOfRange(firstRecordOnly, 5, 5 + 4 + length24(firstRecordOnly, 6));
    byte[] split =
        ClientHello.concat(
            record(Arrays.copyOfRange(hello, 0, 3)),
            record(Arrays.copyOfRange(hello, 3, hello.length)));

    assertThat(ClientHelloReplyReader.read(new ByteArrayInputStream(split)))
        .isEqualTo(ClientHelloReplyReader.read(new ByteArrayInputStream(jdkFlight)));
  }

  @Test
  void closedConnectionIsNoAnswer() throws IOException {
    assertThat(read("")).isEqualTo(new NoAnswer("the server closed the connection without a word"));
  }

  @Test
  void chatLineIsNotTlsAndSaysWhatCame() throws IOException {
    byte[] welcome = "WELCOME plain hello\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(ClientHelloReplyReader.read(new ByteArrayInputStream(welcome)).describe())
        .isEqualTo(
            "not a TLS answer: its first bytes are not a TLS record: 57 45 4c 43 4f ('WELCO')");
  }

  @Test
  void truncatedRecordsAndMessagesAreNotTls() throws IOException {
    assertThat(read("16 0303")).isInstanceOf(NotTls.class);
    assertThat(read("15 0303 0002 02")).isInstanceOf(NotTls.class);
    assertThat(read("16 0303 0004 02 000026")).isInstanceOf(NotTls.class);
    assertThat(read("16 0303 0006 02 000002 0303")).isInstanceOf(NotTls.class);
    assertThat(read("17 0303 0001 00").describe())
        .isEqualTo(
            "not a TLS answer: the first record has content type 23, not handshake or alert");
  }

  @Test
  void hugeClaimedLengthsAreRefusedWithoutReading() throws IOException {
    assertThat(read("16 0303 ffff").describe())
        .isEqualTo("not a TLS answer: the first record claims 65535 bytes; TLS allows 18432");
    assertThat(read("16 0303 0004 02 ffffff").describe())
        .isEqualTo("not a TLS answer: the first handshake message claims 16777215 bytes");
  }

  private static ClientHelloReply read(String hex) throws IOException {
    byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
    return ClientHelloReplyReader.read(new ByteArrayInputStream(bytes));
  }

  private static byte[] firstRecord(byte[] flight) {
    int length = ((flight[3] & 0xff) << 8) | (flight[4] & 0xff);
    return Arrays.copyOf(flight, 5 + length);
  }

  private static byte[] record(byte[] fragment) {
    return ClientHello.concat(
        ClientHello.u8(22), ClientHello.u16(0x0303), ClientHello.u16(fragment.length), fragment);
  }

  private static int length24(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xff) << 16)
        | ((bytes[offset + 1] & 0xff) << 8)
        | (bytes[offset + 2] & 0xff);
  }
}
