package securechat.sniffer.dissect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.SyntheticConnection;
import securechat.sniffer.stream.TcpStream;

@Timeout(30)
class TlsDissectorTest {
  private static TcpStream stream;
  private static List<WireMessage> messages;

  @BeforeAll
  static void runARealHandshake() throws Exception {
    stream = TlsHandshakeBytes.stream("/login alice correct-horse-1\n");
    messages = new TlsDissector().dissect(stream);
  }

  @Test
  void theClientHelloShowsTheServerNameTls13AndX25519() {
    WireMessage hello = messages.get(0);

    assertThat(hello.kind()).isEqualTo("ClientHello");
    assertThat(hello.direction()).isEqualTo(Direction.CLIENT_TO_SERVER);
    assertThat(hello.flags()).containsExactly(Flag.HANDSHAKE);
    assertThat(hello.summary())
        .contains("SNI " + TlsHandshakeBytes.SERVER_NAME)
        .contains("versions TLS 1.3")
        .containsPattern("key share [^,]*\\bx25519 \\(32 bytes\\)");
    assertThat(hello.details()).anyMatch(detail -> detail.contains("TLS_AES_128_GCM_SHA256"));
  }

  @Test
  void theServerHelloShowsTheChosenVersionGroupAndCipherSuite() {
    WireMessage hello =
        messages.stream().filter(message -> message.kind().equals("ServerHello")).findFirst().get();

    assertThat(hello.direction()).isEqualTo(Direction.SERVER_TO_CLIENT);
    assertThat(hello.summary())
        .containsPattern("^ServerHello TLS_(AES_\\d+_GCM_SHA\\d+|CHACHA20_POLY1305_SHA256), ")
        .contains("versions TLS 1.3")
        .contains("key share x25519 (32 bytes)");
  }

  @Test
  void everythingAfterTheHellosIsOpaqueWithItsLength() {
    WireMessage last = messages.get(messages.size() - 1);

    assertThat(messages).anyMatch(message -> message.kind().equals("ChangeCipherSpec"));
    assertThat(last.kind()).isEqualTo("application_data");
    assertThat(last.flags()).containsExactly(Flag.OPAQUE);
    assertThat(last.direction()).isEqualTo(Direction.CLIENT_TO_SERVER);
    assertThat(messages).noneMatch(message -> message.has(Flag.MALFORMED));
    assertThat(messages).noneMatch(message -> message.summary().contains("correct-horse"));
  }

  @Test
  void aTlsStreamIsRecognisedByItsClientHello() {
    assertThat(Dissectors.choose(stream, Optional.empty()).stage()).isEqualTo("tls");
    assertThat(new PlainDissector().recognises(stream)).isFalse();
  }

  @Test
  void aTruncatedRecordIsMalformedNotAnException() {
    byte[] clientBytes = stream.bytes(Direction.CLIENT_TO_SERVER);
    TcpStream cut =
        new SyntheticConnection(7002)
            .handshake().clientSends(Arrays.copyOf(clientBytes, 100)).stream();

    List<WireMessage> cutMessages = new TlsDissector().dissect(cut);

    assertThat(cutMessages).singleElement().matches(message -> message.has(Flag.MALFORMED));
    assertThat(cutMessages.get(0).summary()).contains("cut short");
  }

  @Test
  void aHelloWithAWrongInnerLengthIsMalformedNotAnException() {
    byte[] clientBytes = stream.bytes(Direction.CLIENT_TO_SERVER);
    byte[] bad = Arrays.copyOf(clientBytes, clientBytes.length);
    bad[8] = (byte) 0xff; // the ClientHello's own length, now past the record's end
    TcpStream broken = new SyntheticConnection(7002).handshake().clientSends(bad).stream();

    WireMessage first = new TlsDissector().dissect(broken).get(0);

    assertThat(first.flags()).contains(Flag.HANDSHAKE, Flag.MALFORMED);
    assertThat(first.summary()).startsWith("malformed: ClientHello needs");
  }
}
