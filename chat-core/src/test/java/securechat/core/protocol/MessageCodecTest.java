package securechat.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {
  private final MessageCodec codec = new MessageCodec(Limits.DEFAULTS);
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");

  static Stream<ClientMessage> commands() {
    return Stream.of(
        new ClientMessage.Register(ALICE, "pass word with spaces"),
        new ClientMessage.Login(BOB, "hunter2-hunter2"),
        new ClientMessage.Say("hello"),
        new ClientMessage.Say("/not a command"),
        new ClientMessage.Whisper(BOB, "psst\ttab"),
        new ClientMessage.ListOnline(),
        new ClientMessage.SendFile(Optional.of(BOB), new FileName("a.txt"), "l1\nl2\r\n\\end"),
        new ClientMessage.SendFile(Optional.empty(), new FileName("empty.txt"), ""),
        new ClientMessage.KeyRequest(BOB),
        new ClientMessage.Help(),
        new ClientMessage.Quit());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandSurvivesEncodeThenDecode(ClientMessage command) throws Exception {
    String line = codec.encode(command);
    assertThat(line).doesNotContain("\n");
    assertThat(codec.decodeCommand(line)).isEqualTo(command);
  }

  static Stream<ServerMessage> replies() {
    return Stream.of(
        new ServerMessage.Welcome("plain", "hello there"),
        new ServerMessage.Ok("done"),
        new ServerMessage.ErrorReply("usage", "usage: /list"),
        new ServerMessage.Broadcast(ALICE, "hi all"),
        new ServerMessage.Private(ALICE, BOB, "hi bob"),
        new ServerMessage.FileDelivery(ALICE, Optional.of(BOB), new FileName("n.md"), "a\nb"),
        new ServerMessage.FileDelivery(ALICE, Optional.empty(), new FileName("n.md"), "x"),
        new ServerMessage.Joined(BOB),
        new ServerMessage.Left(BOB, "quit"),
        new ServerMessage.Online(List.of(ALICE, BOB)),
        new ServerMessage.Online(List.of()),
        new ServerMessage.DirectoryEntry(BOB, "1 c2lnbg== ZW5j 1764000000 c2ln"),
        new ServerMessage.Notice("restart soon"),
        new ServerMessage.AdminSays("be nice"),
        new ServerMessage.HelpLine("/list   who is online"),
        new ServerMessage.Bye("goodbye"));
  }

  @ParameterizedTest
  @MethodSource("replies")
  void everyServerLineSurvivesEncodeThenDecode(ServerMessage reply) throws Exception {
    assertThat(codec.decodeReply(codec.encode(reply))).isEqualTo(reply);
  }

  @Test
  void exactWireFormOfABroadcastAndAFile() {
    assertThat(codec.encode(new ServerMessage.Broadcast(ALICE, "hi"))).isEqualTo("MSG alice hi");
    assertThat(
            codec.encode(
                new ClientMessage.SendFile(Optional.of(BOB), new FileName("x.txt"), "a\\b\nc")))
        .isEqualTo("/file bob x.txt a\\\\b\\nc");
  }

  @Test
  void keyTakesExactlyOneName() {
    assertThatThrownBy(() -> codec.decodeCommand("/key bob carol"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("usage: /key NAME");
    assertThatThrownBy(() -> codec.decodeCommand("/key"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("usage: /key NAME");
  }

  @Test
  void leadingSpacesDoNotTurnALoginIntoABroadcast() throws Exception {
    assertThat(codec.decodeCommand("  /login bob hunter2-hunter2"))
        .isEqualTo(new ClientMessage.Login(BOB, "hunter2-hunter2"));
  }

  @Test
  void passwordNeverAppearsInToString() {
    assertThat(new ClientMessage.Login(ALICE, "s3cret-s3cret").toString()).doesNotContain("s3cret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello \u001b[31mred", "bell\u0007", "nul\u0000byte", "c1\u009bx"})
  void controlCharactersInTextAreRefused(String line) {
    assertThatThrownBy(() -> codec.decodeCommand(line))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_TEXT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc/passwd", "a/b", "a\\b", ".bashrc", "-rf", "..", "x..y"})
  void unsafeFileNamesAreRefused(String name) {
    assertThatThrownBy(() -> codec.decodeCommand("/file bob " + name + " content"))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FILE_NAME));
  }

  @Test
  void fileReducedToItsBaseNameWhenSent() throws Exception {
    assertThat(FileName.fromPath("/home/alice/docs/notes.txt").value()).isEqualTo("notes.txt");
    assertThat(FileName.fromPath("C:\\Users\\bob\\my notes.txt").value()).isEqualTo("my_notes.txt");
  }

  @Test
  void fileOverTheLimitIsRefusedWithItsSize() {
    MessageCodec small = new MessageCodec(Limits.DEFAULTS.withMaxFileBytes(4));
    assertThatThrownBy(() -> small.decodeCommand("/file bob a.txt 12345"))
        .hasMessage("file is 5 bytes; the maximum is 4");
  }

  @Test
  void hostileServerLinesAreRejectedNotTrusted() {
    assertThatThrownBy(() -> codec.decodeReply("MSG \u001b[2Jroot hi"))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> codec.decodeReply("FILE eve bob ../../.profile x"))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> codec.decodeReply("HACK the planet"))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void quoteCutsLongValuesAndHidesControls() {
    assertThat(ProtocolException.quote("a\u001bb")).isEqualTo("'a?b'");
    assertThat(ProtocolException.quote("x".repeat(50))).isEqualTo("'" + "x".repeat(40) + "…'");
  }
}
