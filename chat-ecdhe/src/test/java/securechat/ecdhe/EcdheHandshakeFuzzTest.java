package securechat.ecdhe;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineFramer;
import securechat.core.identity.ServerIdentity;
import securechat.ecdhe.HandshakeMessages.ClientHello;
import securechat.ecdhe.HandshakeMessages.ServerHello;

/**
 * Fuzzes the ecdhe handshake messages as each side reads them from the wire: {@link
 * HandshakeReader} over a {@link LineFramer}, then the step that uses what was read ({@link
 * EcdheHandshake}: key agreement with the peer's key, signature check, key confirmation). The
 * documented failure is a {@link HandshakeException}; anything else is a bug.
 *
 * <p>Input that starts with {@code ECDHE-HELLO} is what a client sends: a server reads it as a
 * ClientHello, answers it, then reads a Finished. Anything else is read by a client as a
 * ServerHello (on P-384 if it says so, else X25519) followed by a Finished; the client does not
 * require an identity ({@code --insecure-no-auth}), so unsigned hellos reach the key agreement.
 *
 * <p>Seeds: {@code EcdheHandshakeFuzzTestInputs/messages/}, real handshakes on both curves, signed
 * and unsigned.
 */
class EcdheHandshakeFuzzTest {
  private static final byte[] CLIENT_HELLO = "ECDHE-HELLO".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] P384_SERVER_HELLO =
      "ECDHE-SERVER 1 p384 ".getBytes(StandardCharsets.US_ASCII);
  private static final ServerIdentity IDENTITY = generateIdentity();

  @FuzzTest
  void messages(byte[] untrustedBytes) throws IOException, GeneralSecurityException {
    HandshakeReader reader =
        new HandshakeReader(new LineFramer(new ByteArrayInputStream(untrustedBytes), 8192));
    try {
      if (startsWith(untrustedBytes, CLIENT_HELLO)) {
        readAsServer(reader);
      } else {
        readAsClient(
            reader, startsWith(untrustedBytes, P384_SERVER_HELLO) ? Curve.P384 : Curve.X25519);
      }
    } catch (HandshakeException expected) {
      // The documented way to refuse a peer's handshake.
    }
  }

  private static void readAsServer(HandshakeReader reader)
      throws IOException, HandshakeException, GeneralSecurityException {
    EcdheHandshake.Server server =
        new EcdheHandshake.Server(List.of(Curve.values()), Optional.of(IDENTITY));
    ClientHello hello = reader.clientHello(server.accepted());
    server.answer(hello);
    server.confirm(reader.finished());
  }

  private static void readAsClient(HandshakeReader reader, Curve curve)
      throws IOException, HandshakeException {
    EcdheHandshake.Client client = new EcdheHandshake.Client(curve);
    ServerHello hello = reader.serverHello(curve);
    client.answer(hello, false);
    client.confirm(reader.finished());
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static ServerIdentity generateIdentity() {
    try {
      return ServerIdentity.generate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
