package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineFramer;

/**
 * The reader's refusals of lines that are no handshake message (found by EcdheHandshakeFuzzTest).
 */
class HandshakeReaderTest {
  private static HandshakeReader reader(String lines) {
    byte[] bytes = lines.getBytes(StandardCharsets.US_ASCII);
    return new HandshakeReader(new LineFramer(new ByteArrayInputStream(bytes), 8192));
  }

  @Test
  void aLineOfSpacesWhereAMessageBelongsIsRefusedWithASentence() {
    assertThatThrownBy(() -> reader(" \n").finished())
        .isInstanceOf(HandshakeException.class)
        .hasMessage("expected ECDHE-FINISHED from the peer, got a line starting ''");
  }

  @Test
  void aLineOfSpacesWhereAKeyBelongsIsRefusedWithASentence() {
    assertThatThrownBy(
            () -> reader("ECDHE-HELLO 1 x25519 AAAA\n  \n").clientHello(List.of(Curve.X25519)))
        .isInstanceOf(HandshakeException.class)
        .hasMessage("expected a PEM public key, got a line starting ''");
  }
}
