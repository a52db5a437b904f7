package securechat.e2e.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.core.terminal.ScriptedConsole;
import securechat.e2e.legacy.Seed004Message.NonceChallenge;
import securechat.e2e.legacy.Seed004Message.NonceResponse;
import securechat.e2e.legacy.Seed004Message.NonceVerification;
import securechat.e2e.legacy.Seed004Message.Register;

/**
 * Bad input drops the client that sent it, with one log line and no stack trace; the server and its
 * other clients go on. Raw sockets play the bad clients.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Seed004ServerRobustnessIT {
  private LoopbackSeed004 lab;
  private ScriptedConsole log;

  @BeforeEach
  void startServer() throws Exception {
    lab = LoopbackSeed004.start();
    log = lab.serverConsole();
  }

  @AfterEach
  void stopServer() throws Exception {
    lab.serverConsole().type("exit");
    lab.awaitServerEnd();
    assertThat(log.printed())
        .noneMatch(
            line -> line.contains("Exception") || line.contains("\tat ") || line.startsWith("BUG"));
    lab.close();
  }

  @Test
  void oversizeFrameIsRefusedBeforeReadingAndTheServerGoesOn() throws Exception {
    try (Socket raw = connect()) {
      readFrame(raw);
      raw.getOutputStream().write(ByteBuffer.allocate(8).putLong(2_000_000).array());

      assertThat(log.nextLineStartingWith("dropped /127.0.0.1:"))
          .endsWith(": the peer announced a frame of 2000000 bytes; the maximum is 1048576");
      assertThat(raw.getInputStream().read()).isEqualTo(-1);
    }
    stillServes();
  }

  @Test
  void textThatIsNotJsonDropsTheClientWithOneLine() throws Exception {
    try (Socket raw = connect()) {
      readFrame(raw);
      Seed004Framer.writeFrame(raw.getOutputStream(), "this is not json");

      assertThat(log.nextLineStartingWith("dropped /127.0.0.1:"))
          .contains(": a message is not JSON: ");
      assertThat(raw.getInputStream().read()).isEqualTo(-1);
    }
    stillServes();
  }

  @Test
  void messageOutOfPlaceDropsTheClient() throws Exception {
    try (Socket raw = connect()) {
      readFrame(raw);
      send(raw, new Register("alice", TestKeys.ALICE.publicKey().toKeyText()));

      assertThat(log.nextLineStartingWith("dropped /127.0.0.1:"))
          .endsWith(": expected a nonce_response, not a register");
    }
    stillServes();
  }

  @Test
  void wrongNonceIsAnsweredVerifiedFalseThenClosed() throws Exception {
    try (Socket raw = connect()) {
      NonceChallenge challenge = (NonceChallenge) Seed004Codec.decode(readFrame(raw));
      LegacyRsaPublicKey serverKey = LegacyRsaPublicKey.parseKeyText(challenge.serverPublicKey());
      byte[] wrongNonce = new byte[16];
      send(
          raw,
          new NonceResponse(
              LegacyTextbookRsa.encrypt(wrongNonce, serverKey),
              new byte[16],
              TestKeys.ALICE.publicKey().toKeyText()));

      NonceVerification verdict = (NonceVerification) Seed004Codec.decode(readFrame(raw));
      assertThat(verdict.verified()).isFalse();
      assertThat(raw.getInputStream().read()).isEqualTo(-1);
      assertThat(log.nextLineStartingWith("dropped /127.0.0.1:"))
          .endsWith(": the client's encrypted_nonce does not decrypt to our nonce");
    }
  }

  @Test
  void registeredClientSendingGarbageIsDroppedAndLeavesTheList() throws Exception {
    ScriptedConsole alice = lab.joined("alice", "users: alice");
    try (Socket raw = connect()) {
      handshake(raw, TestKeys.BOB);
      send(raw, new Register("bob", TestKeys.BOB.publicKey().toKeyText()));
      assertThat(alice.nextLine()).isEqualTo("users: alice, bob");

      Seed004Framer.writeFrame(raw.getOutputStream(), "{\"type\":\"message\"}");

      assertThat(log.nextLineStartingWith("dropped bob (/127.0.0.1:"))
          .endsWith("): the field 'recipient' is missing");
      assertThat(alice.nextLine()).isEqualTo("users: alice");
    }
  }

  @Test
  void clientThatLeavesMidFrameCostsOneLine() throws Exception {
    try (Socket raw = connect()) {
      readFrame(raw);
      raw.getOutputStream().write(new byte[] {0, 0, 0, 0, 0, 0, 1, 0, '{'});
    }

    assertThat(log.nextLineStartingWith("dropped /127.0.0.1:"))
        .endsWith(": the connection ended inside a frame, after 1 of 256 bytes");
    stillServes();
  }

  /** A real client still gets through. */
  private void stillServes() throws Exception {
    ScriptedConsole carol = lab.joined("carol", "users: carol");
    carol.type("carol:still here");
    assertThat(carol.nextLine()).isEqualTo("[carol] still here");
  }

  private Socket connect() throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), lab.port());
  }

  /** Runs the client's side of the nonce challenge by hand, correctly. */
  private static void handshake(Socket raw, LegacyRsaKeyPair key) throws Exception {
    Seed004ClientHandshake handshake = new Seed004ClientHandshake(key, new Random(5));
    send(raw, handshake.respond((NonceChallenge) Seed004Codec.decode(readFrame(raw))));
    handshake.checkVerification((NonceVerification) Seed004Codec.decode(readFrame(raw)));
  }

  private static void send(Socket raw, Seed004Message message) throws IOException {
    OutputStream out = raw.getOutputStream();
    Seed004Framer.writeFrame(out, Seed004Codec.encode(message));
  }

  private static String readFrame(Socket raw) throws IOException {
    InputStream in = raw.getInputStream();
    String frame = Seed004Framer.readFrame(in);
    assertThat(frame).isNotNull();
    return frame;
  }
}
