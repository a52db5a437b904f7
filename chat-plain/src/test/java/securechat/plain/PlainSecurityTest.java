package securechat.plain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.Limits;
import securechat.core.protocol.ProtocolException;
import securechat.testkit.MemoryLink;

/** The plain stage's channel with no network: lines in, the same bytes out, nothing added. */
@Timeout(10)
class PlainSecurityTest {
  private final PlainSecurity plain = new PlainSecurity(Limits.DEFAULTS.withMaxLineBytes(100));

  @Test
  void linesCrossUnchangedInBothDirections() throws Exception {
    MemoryLink link = MemoryLink.pair();
    LineChannel server = plain.accept(link.server());
    LineChannel client = plain.connect(link.client());
    client.send("/login alice correct-horse-1");
    assertThat(server.receive()).isEqualTo("/login alice correct-horse-1");
    server.send("OK logged in as alice; 1 online");
    assertThat(client.receive()).isEqualTo("OK logged in as alice; 1 online");
  }

  @Test
  void theWireCarriesExactlyTheTypedBytes() throws Exception {
    MemoryLink link = MemoryLink.pair();
    LineChannel client = plain.connect(link.client());
    client.send("caf\u00e9 secret");
    client.close();
    InputStream wire = link.server().getInputStream();
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    wire.transferTo(seen);
    assertThat(seen.toByteArray()).isEqualTo("caf\u00e9 secret\n".getBytes(UTF_8));
  }

  @Test
  void serverRefusesOversizeLinesButClientAllowsTheServerHeadroom() throws Exception {
    MemoryLink link = MemoryLink.pair();
    LineChannel server = plain.accept(link.server());
    LineChannel client = plain.connect(link.client());
    client.send("x".repeat(101));
    assertThatThrownBy(server::receive).isInstanceOf(ProtocolException.class);
    server.send("MSG alice " + "y".repeat(100));
    assertThat(client.receive()).hasSize(110);
  }

  @Test
  void closingOneEndEndsThePeersStream() throws Exception {
    MemoryLink link = MemoryLink.pair();
    LineChannel server = plain.accept(link.server());
    LineChannel client = plain.connect(link.client());
    client.send("last words");
    client.close();
    assertThat(server.receive()).isEqualTo("last words");
    assertThat(server.receive()).isNull();
    assertThat(server.info().stage()).isEqualTo("plain");
  }
}
