package securechat.sniffer.dissect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.SyntheticConnection;
import securechat.sniffer.stream.TcpStream;

class SecretSearchTest {
  @Test
  void everyOccurrenceIsFoundIgnoringAsciiCaseWithItsFrame() {
    TcpStream stream =
        new SyntheticConnection(7001)
                .handshake()
                .clientSends("/login alice Correct-Horse-1\n".getBytes(UTF_8))
                .serverSends("ERR bad-login\n".getBytes(UTF_8))
                .clientSends("/login alice correct-horse-1\n".getBytes(UTF_8))
                .stream();

    List<SecretSearch.Hit> hits = SecretSearch.find(List.of(stream), "correct-HORSE-1");

    assertThat(hits)
        .containsExactly(
            new SecretSearch.Hit(0, Direction.CLIENT_TO_SERVER, 13, 4, false),
            new SecretSearch.Hit(0, Direction.CLIENT_TO_SERVER, 42, 6, false));
  }

  @Test
  void aSecretThatIsNotThereIsNotFound() {
    TcpStream stream =
        new SyntheticConnection(7001).handshake().clientSends("hello\n".getBytes(UTF_8)).stream();

    assertThat(SecretSearch.find(List.of(stream), "hunter2")).isEmpty();
  }

  @Test
  void entropyIsZeroForOneRepeatedByteAndNearEightForRandomBytes() {
    byte[] random = new byte[65536];
    new Random(1).nextBytes(random);

    assertThat(Entropy.bitsPerByte(new byte[0])).isZero();
    assertThat(Entropy.bitsPerByte("aaaa".getBytes(UTF_8))).isZero();
    assertThat(Entropy.bitsPerByte("abab".getBytes(UTF_8))).isEqualTo(1.0);
    assertThat(Entropy.bitsPerByte(random)).isBetween(7.99, 8.0);
  }
}
