package securechat.sniffer.dissect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import securechat.sniffer.stream.SyntheticConnection;
import securechat.sniffer.stream.TcpStream;

class DissectorsTest {
  private static TcpStream garbageOn(int port) {
    return new SyntheticConnection(port).handshake().clientSends("zzz".getBytes(UTF_8)).stream();
  }

  @Test
  void aStageHintWinsOverContentAndPort() {
    assertThat(Dissectors.choose(garbageOn(7001), Optional.of("TLS")).stage()).isEqualTo("tls");
  }

  @Test
  void unrecognisedContentFallsBackToTheWellKnownPort() {
    assertThat(Dissectors.choose(garbageOn(7001), Optional.empty()).stage()).isEqualTo("plain");
    assertThat(Dissectors.choose(garbageOn(7002), Optional.empty()).stage()).isEqualTo("tls");
    assertThat(Dissectors.choose(garbageOn(7003), Optional.empty()).stage()).isEqualTo("ecdhe");
  }

  @Test
  void anUnknownPortAndContentGiveTheRawHexDump() {
    Dissector raw = Dissectors.choose(garbageOn(8080), Optional.empty());

    assertThat(raw.stage()).isEqualTo("raw");
    assertThat(raw.dissect(garbageOn(8080)).get(0).details())
        .singleElement()
        .asString()
        .startsWith("00000000: 7a 7a 7a ")
        .endsWith(" zzz");
  }

  @Test
  void anUnknownStageHintIsRefusedWithASentence() {
    assertThatThrownBy(() -> Dissectors.choose(garbageOn(7001), Optional.of("e2e")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown stage 'e2e'; the sniffer reads plain, tls, ecdhe or raw");
  }
}
