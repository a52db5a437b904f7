package securechat.sniffer.dissect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.SyntheticConnection;
import securechat.sniffer.stream.TcpStream;

/** Random bytes and random cuts of valid streams: no dissector may ever throw. */
class DissectorRobustnessTest {
  private static List<Dissector> dissectors;
  private static List<TcpStream> valid;

  @BeforeAll
  static void validStreams() throws Exception {
    dissectors = Dissectors.all(Optional.of(EcdheDissectorTest.keyLog()));
    valid = List.of(TlsHandshakeBytes.stream("hello\n"), EcdheDissectorTest.session());
  }

  private static void dissectWithEveryDissector(TcpStream stream) {
    for (Dissector dissector : dissectors) {
      assertThatCode(
              () -> {
                dissector.recognises(stream);
                assertThat(dissector.dissect(stream)).isNotNull();
              })
          .as("%s on %s", dissector.stage(), stream)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void randomBytesNeverMakeADissectorThrow() {
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      byte[] garbage = new byte[random.nextInt(600)];
      random.nextBytes(garbage);
      if (random.nextBoolean() && garbage.length > 6) {
        garbage[0] = 22; // a TLS handshake record header, so that the TLS parser goes deeper
        garbage[1] = 3;
        garbage[5] = (byte) random.nextInt(3);
      }
      dissectWithEveryDissector(
          new SyntheticConnection(7002)
              .handshake().clientSends(garbage).serverSends(garbage).stream());
    }
  }

  @Test
  void truncatedAndMutatedValidStreamsNeverMakeADissectorThrow() {
    Random random = new Random(7);
    for (TcpStream stream : valid) {
      byte[] client = stream.bytes(Direction.CLIENT_TO_SERVER);
      byte[] server = stream.bytes(Direction.SERVER_TO_CLIENT);
      for (int i = 0; i < 150; i++) {
        byte[] cutClient = Arrays.copyOf(client, random.nextInt(client.length + 1));
        byte[] cutServer = Arrays.copyOf(server, random.nextInt(server.length + 1));
        if (cutServer.length > 0) {
          cutServer[random.nextInt(cutServer.length)] ^= (byte) (1 + random.nextInt(255));
        }
        dissectWithEveryDissector(
            new SyntheticConnection(7003)
                .handshake().clientSends(cutClient).serverSends(cutServer).stream());
      }
    }
  }
}
