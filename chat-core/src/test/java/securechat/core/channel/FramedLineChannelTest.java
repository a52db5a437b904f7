package securechat.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server's writer sends what piled up with {@code sendAll}: same lines, same order, one write.
 */
class FramedLineChannelTest {
  private static final ChannelInfo INFO = new ChannelInfo("plain", "none", List.of());

  @Test
  void sendAllDeliversEveryLineInOrderAndSendMixesWithIt() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
        Socket accepted = listener.accept()) {
      FramedLineChannel sender = new FramedLineChannel(accepted, 1024, INFO);
      FramedLineChannel receiver = new FramedLineChannel(client, 1024, INFO);

      sender.sendAll(List.of("MSG alice one", "MSG bob twö", ""));
      sender.send("MSG carol three");
      sender.sendAll(List.of());

      assertThat(
              List.of(
                  receiver.receive(), receiver.receive(), receiver.receive(), receiver.receive()))
          .containsExactly("MSG alice one", "MSG bob twö", "", "MSG carol three");
    }
  }

  @Test
  void aLineWithANewlineInSendAllSendsNothing() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
        Socket accepted = listener.accept()) {
      FramedLineChannel sender = new FramedLineChannel(accepted, 1024, INFO);
      FramedLineChannel receiver = new FramedLineChannel(client, 1024, INFO);

      assertThatThrownBy(() -> sender.sendAll(List.of("fine", "MSG x\nINJECTED")))
          .isInstanceOf(IllegalArgumentException.class);
      sender.send("after");

      assertThat(receiver.receive()).isEqualTo("after");
    }
  }
}
