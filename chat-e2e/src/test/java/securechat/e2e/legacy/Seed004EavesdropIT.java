package securechat.e2e.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.core.terminal.ScriptedConsole;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.testkit.RecordingRelay;

/**
 * The key leak is real: bob connects through a relay that records every byte, and the messages are
 * recovered from those bytes alone, with no key of anyone's.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Seed004EavesdropIT {

  @Test
  void everyMessageIsRecoveredFromTheRecordedBytesAlone() throws Exception {
    try (LoopbackSeed004 lab = LoopbackSeed004.start();
        RecordingRelay wire = new RecordingRelay(new InetSocketAddress("127.0.0.1", lab.port()))) {
      ScriptedConsole alice = lab.joined("alice", "users: alice");
      ScriptedConsole bob = lab.joinedThrough(wire.address().getPort(), "bob", "users: alice, bob");
      // Alice can write to bob once her list names him; the server sends it to her after bob's.
      assertThat(alice.nextLine()).isEqualTo("users: alice, bob");

      alice.type("bob:hello bob");
      assertThat(bob.nextLine()).isEqualTo("[alice] hello bob");
      bob.type("alice:the vault code is 4711");
      assertThat(alice.nextLineStartingWith("[bob] ")).isEqualTo("[bob] the vault code is 4711");

      assertThat(recoveredTexts(wire.fromServer())).containsExactly("hello bob");
      assertThat(recoveredTexts(wire.fromClient())).containsExactly("the vault code is 4711");
    }
  }

  @Test
  void capturedFramesShowTheWholeFlowInTheSeedsOrder() throws Exception {
    try (LoopbackSeed004 lab = LoopbackSeed004.start();
        RecordingRelay wire = new RecordingRelay(new InetSocketAddress("127.0.0.1", lab.port()))) {
      ScriptedConsole alice = lab.joinedThrough(wire.address().getPort(), "alice", "users: alice");
      alice.type("alice:note to self");
      assertThat(alice.nextLine()).isEqualTo("[alice] note to self");

      assertThat(types(wire.fromServer()))
          .containsExactly("nonce_challenge", "nonce_verification", "user_list", "message");
      assertThat(types(wire.fromClient())).containsExactly("nonce_response", "register", "message");
    }
  }

  /** What an eavesdropper does: split the bytes into frames, and open every package. */
  private static List<String> recoveredTexts(byte[] captured) throws Exception {
    List<String> texts = new ArrayList<>();
    for (Seed004Message message : frames(captured)) {
      if (message instanceof ChatMessage chat) {
        texts.add(LegacyKeyRecovery.recover(chat.encryptedPackage()).plaintext());
      }
    }
    return texts;
  }

  private static List<String> types(byte[] captured) throws Exception {
    return frames(captured).stream().map(Seed004Codec::typeName).toList();
  }

  private static List<Seed004Message> frames(byte[] captured) throws Exception {
    InputStream in = new ByteArrayInputStream(captured);
    List<Seed004Message> messages = new ArrayList<>();
    for (String frame = Seed004Framer.readFrame(in);
        frame != null;
        frame = Seed004Framer.readFrame(in)) {
      messages.add(Seed004Codec.decode(frame));
    }
    return messages;
  }
}
