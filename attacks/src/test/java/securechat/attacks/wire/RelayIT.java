package securechat.attacks.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.core.cli.ConfigException;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RelayIT {

  @Test
  void recordingPassesBytesBothWaysAndKeepsACopy() throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> echoOneLine(echo));
      Recording recording = new Recording();
      List<String> problems = new ArrayList<>();
      try (Relay relay =
          Relay.start(
              new InetSocketAddress("127.0.0.1", echo.getLocalPort()),
              0,
              recording,
              problems::add)) {
        try (Socket client = new Socket("127.0.0.1", relay.port())) {
          client.getOutputStream().write("hello\n".getBytes(UTF_8));
          client.shutdownOutput();
          String back =
              new BufferedReader(new InputStreamReader(client.getInputStream(), UTF_8)).readLine();
          assertThat(back).isEqualTo("echo hello");
        }
        while (recording.conversations().isEmpty()) {
          Thread.onSpinWait();
        }
      }
      Recording.Conversation conversation = recording.conversations().get(0);
      assertThat(new String(conversation.clientToServer(), UTF_8)).isEqualTo("hello\n");
      assertThat(new String(conversation.serverToClient(), UTF_8)).isEqualTo("echo hello\n");
      assertThat(problems).isEmpty();
    }
  }

  @Test
  void aTargetOffLoopbackIsRefusedBeforeListening() {
    assertThatThrownBy(
            () ->
                Relay.start(new InetSocketAddress("192.0.2.1", 7001), 0, new Recording(), p -> {}))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("loopback only");
  }

  private static void echoOneLine(ServerSocket server) {
    try (Socket socket = server.accept()) {
      String line =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8)).readLine();
      socket.getOutputStream().write(("echo " + line + "\n").getBytes(UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
