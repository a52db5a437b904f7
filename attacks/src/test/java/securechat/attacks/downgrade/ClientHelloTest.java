package securechat.attacks.downgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.attacks.downgrade.ClientHelloReply.Alert;
import securechat.attacks.downgrade.ClientHelloReply.ServerHello;

/**
 * The ClientHello's bytes, field by field (RFC 5246 §7.4.1.2), then a real TLS server's answer to
 * them: the JDK's own TLS server ({@link JdkServerEngine}), fed our bytes without any socket.
 */
class ClientHelloTest {
  private static final byte[] RANDOM = new byte[32];

  @TempDir static Path dataDir;
  private static JdkServerEngine jdk;

  @BeforeAll
  static void makeTheLabCertificate() throws Exception {
    Arrays.fill(RANDOM, (byte) 0x5a);
    jdk = JdkServerEngine.withLabCertificate(dataDir);
  }

  @Test
  void recordAndHandshakeHeadersFrameTheHelloWithItsLengths() {
    byte[] record = hello(TlsNames.TLS_1_2).toRecord();

    assertThat(record[0]).isEqualTo((byte) 22); // handshake
    assertThat(u16(record, 1)).isEqualTo(0x0301); // legacy_record_version
    assertThat(u16(record, 3)).isEqualTo(record.length - 5);
    assertThat(record[5]).isEqualTo((byte) 1); // client_hello
    assertThat(u16(record, 7) + (record[6] << 16)).isEqualTo(record.length - 9);
  }

  @Test
  void helloCarriesTheVersionRandomEmptySessionSuitesAndNullCompression() {
    byte[] record = hello(TlsNames.TLS_1_2).toRecord();

    assertThat(u16(record, 9)).isEqualTo(0x0303);
    assertThat(Arrays.copyOfRange(record, 11, 43)).isEqualTo(RANDOM);
    assertThat(record[43]).isZero(); // session_id length
    assertThat(u16(record, 44)).isEqualTo(4); // two suites
    assertThat(u16(record, 46)).isEqualTo(0x000a);
    assertThat(u16(record, 48)).isEqualTo(0xc02f);
    assertThat(Arrays.copyOfRange(record, 50, 52)).containsExactly(1, 0); // null only
  }

  @Test
  void tls12HelloHasSniGroupsPointFormatsAndSignatureAlgorithmsButNoSupportedVersions() {
    List<Integer> types = extensionTypes(hello(TlsNames.TLS_1_2).toRecord());

    assertThat(types).containsExactly(0, 10, 11, 13);
    String text = new String(hello(TlsNames.TLS_1_2).toRecord(), StandardCharsets.ISO_8859_1);
    assertThat(text).contains("localhost");
  }

  @Test
  void olderHellosLeaveOutSignatureAlgorithmsAsRfc5246Requires() {
    assertThat(extensionTypes(hello(TlsNames.TLS_1_1).toRecord())).containsExactly(0, 10, 11);
    assertThat(extensionTypes(hello(TlsNames.TLS_1_0).toRecord())).containsExactly(0, 10, 11);
  }

  @Test
  void helloOfferingTls13IsNotADowngradeProbe() {
    assertThatThrownBy(() -> hello(TlsNames.TLS_1_3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a downgrade probe offers TLS 1.0 to 1.2, not TLS 1.3");
  }

  @Test
  void jdkServerAllowingTls12AnswersWithAServerHelloNamingOneOfOurModernSuites() throws Exception {
    TlsProbe modern = TlsProbe.all("localhost").get(1);

    ClientHelloReply reply = jdkServerAnswers(modern.hello(), "TLSv1.2");

    assertThat(reply).isInstanceOf(ServerHello.class);
    ServerHello hello = (ServerHello) reply;
    assertThat(hello.version()).isEqualTo(TlsNames.TLS_1_2);
    assertThat(modern.hello().suites()).contains(CipherSuite.find(hello.cipherSuite()).get());
    assertThat(hello.downgradeSentinel()).isFalse();
    assertThat(reply.describe()).startsWith("ServerHello: TLS 1.2 with TLS_ECDHE_ECDSA_WITH_");
  }

  @Test
  void jdkServerAllowingTls13MarksItsTls12ServerHelloWithTheDowngradeSentinel() throws Exception {
    ClientHelloReply reply =
        jdkServerAnswers(TlsProbe.all("localhost").get(1).hello(), "TLSv1.3", "TLSv1.2");

    assertThat(((ServerHello) reply).downgradeSentinel()).isTrue();
    assertThat(reply.describe()).endsWith("(random ends in the DOWNGRD sentinel, RFC 8446 §4.1.3)");
  }

  @Test
  void jdkServerAllowingTls13OnlyAnswersEveryProbeWithAProtocolVersionAlert() throws Exception {
    for (TlsProbe probe : TlsProbe.all("localhost")) {
      ClientHelloReply reply = jdkServerAnswers(probe.hello(), "TLSv1.3");

      assertThat(reply).as(probe.name()).isEqualTo(new Alert(2, 70));
      assertThat(reply.describe()).isEqualTo("alert fatal protocol_version(70)");
    }
  }

  @Test
  void jdkServerWithoutAnyOfTheOfferedSuitesAnswersWithAHandshakeFailureAlert() throws Exception {
    ClientHello weakOnly =
        new ClientHello(
            TlsNames.TLS_1_2, List.of(CipherSuite.TLS_RSA_WITH_NULL_SHA), "localhost", RANDOM);

    ClientHelloReply reply = jdkServerAnswers(weakOnly, "TLSv1.2");

    assertThat(reply.describe()).isEqualTo("alert fatal handshake_failure(40)");
  }

  private static ClientHello hello(int version) {
    List<CipherSuite> suites =
        List.of(
            CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    return new ClientHello(version, suites, "localhost", RANDOM);
  }

  private static ClientHelloReply jdkServerAnswers(ClientHello hello, String... protocols)
      throws Exception {
    return ClientHelloReplyReader.read(new ByteArrayInputStream(jdk.answer(hello, protocols)));
  }

  /** The extension types in {@code record}'s hello, in order. */
  private static List<Integer> extensionTypes(byte[] record) {
    ByteBuffer buffer = ByteBuffer.wrap(record, 43, record.length - 43);
    skip(buffer, buffer.get() & 0xff); // session_id
    skip(buffer, buffer.getShort() & 0xffff); // cipher_suites
    skip(buffer, buffer.get() & 0xff); // compression_methods
    assertThat(buffer.getShort() & 0xffff).isEqualTo(buffer.remaining());
    List<Integer> types = new ArrayList<>();
    while (buffer.hasRemaining()) {
      types.add(buffer.getShort() & 0xffff);
      skip(buffer, buffer.getShort() & 0xffff);
    }
    return types;
  }

  private static void skip(ByteBuffer buffer, int count) {
    buffer.position(buffer.position() + count);
  }

  private static int u16(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
  }
}
