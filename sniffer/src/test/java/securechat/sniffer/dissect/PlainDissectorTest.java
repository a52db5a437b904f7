package securechat.sniffer.dissect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.SyntheticConnection;
import securechat.sniffer.stream.TcpStream;

class PlainDissectorTest {
  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static TcpStream chat() {
    return new SyntheticConnection(7001)
            .handshake()
            .serverSends(bytes("WELCOME plain securechat-lab: hello\n"))
            .clientSends(bytes("/login alice corr"))
            .clientSends(bytes("ect-horse-1\n"))
            .serverSends(bytes("OK logged in as alice; 1 online\n"))
            .clientSends(bytes("hi \u001b[2J all\n"))
            .serverSends(bytes("MSG alice hi \u001b[2J all\n"))
            .clientSends(bytes("/file bob notes.txt line one\\n\n/quit\n"))
            .serverSends(bytes("BYE goodbye\n"))
            .close()
            .stream();
  }

  @Test
  void everyLineIsOneMessageInCaptureOrderWithItsKind() {
    List<WireMessage> messages = new PlainDissector().dissect(chat());

    assertThat(messages)
        .extracting(WireMessage::kind)
        .containsExactly("WELCOME", "/login", "OK", "TEXT", "MSG", "/file", "/quit", "BYE");
    assertThat(messages).extracting(WireMessage::stream).containsOnly(0);
  }

  @Test
  void aLoginShowsItsPasswordFlaggedEvenWhenSplitAcrossSegments() {
    WireMessage login = new PlainDissector().dissect(chat()).get(1);

    assertThat(login.summary()).isEqualTo("/login alice <password: correct-horse-1>");
    assertThat(login.flags()).contains(Flag.PASSWORD, Flag.NAME);
    assertThat(login.direction()).isEqualTo(Direction.CLIENT_TO_SERVER);
    assertThat(login.offset()).isZero();
    assertThat(login.length()).isEqualTo(29);
    assertThat(login.frame()).isEqualTo(5);
  }

  @Test
  void messagesAndFilesAreFlaggedAndControlCharactersSanitised() {
    List<WireMessage> messages = new PlainDissector().dissect(chat());

    assertThat(messages.get(3).flags()).contains(Flag.MESSAGE);
    assertThat(messages.get(4).summary()).isEqualTo("MSG alice hi ^[[2J all");
    assertThat(messages.get(5).flags()).contains(Flag.FILE);
    assertThat(messages).noneMatch(message -> message.summary().contains("\u001b"));
  }

  @Test
  void anUnterminatedLastLineIsMalformed() {
    TcpStream stream =
        new SyntheticConnection(7001).handshake().clientSends(bytes("/list\n/qu")).stream();

    List<WireMessage> messages = new PlainDissector().dissect(stream);

    assertThat(messages).extracting(WireMessage::kind).containsExactly("/list", "?");
    assertThat(messages.get(1).flags()).contains(Flag.MALFORMED);
  }

  @Test
  void thePlainStageIsRecognisedByContentWhateverThePort() {
    TcpStream stream =
        new SyntheticConnection(9999).handshake().serverSends(bytes("WELCOME plain x\n")).stream();

    assertThat(new PlainDissector().recognises(stream)).isTrue();
    assertThat(Dissectors.choose(stream, Optional.empty()).stage()).isEqualTo("plain");
  }
}
