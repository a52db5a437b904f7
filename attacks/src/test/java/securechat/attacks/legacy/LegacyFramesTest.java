package securechat.attacks.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static securechat.attacks.legacy.Seed004Bytes.ALICE;
import static securechat.attacks.legacy.Seed004Bytes.BOB;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import securechat.e2e.legacy.Seed004Codec;
import securechat.e2e.legacy.Seed004Message.ErrorReply;

class LegacyFramesTest {
  private final String packageJson = Seed004Bytes.sealed("hello bob", ALICE, BOB, 7);
  private final byte[] aliceToServer =
      Seed004Bytes.frames(
          Seed004Bytes.register("alice", ALICE),
          Seed004Bytes.toServer("bob", packageJson),
          new ErrorReply("the last frame"));

  @Test
  void everyFrameOfADirectionIsReadInOrder() {
    LegacyFrames frames = LegacyFrames.read(aliceToServer);

    assertThat(frames.messages())
        .extracting(Seed004Codec::typeName)
        .containsExactly("register", "message", "error");
    assertThat(frames.stoppedBecause()).isEmpty();
    assertThat(frames.isSeed004()).isTrue();
  }

  @Test
  void aFrameTheCaptureCutShortKeepsTheFramesBeforeIt() {
    byte[] cut = Arrays.copyOf(aliceToServer, aliceToServer.length - 3);

    LegacyFrames frames = LegacyFrames.read(cut);

    assertThat(frames.messages()).hasSize(2);
    assertThat(frames.stoppedBecause().orElseThrow()).contains("ended inside a frame");
  }

  @Test
  void tlsRecordsAreNotSeed004BecauseTheirFirstBytesMakeAnAbsurdLength() {
    byte[] clientHello = HexFormat.of().parseHex("16030100c4010000c00303cb34ecb1e78163ba1c38c6");

    LegacyFrames frames = LegacyFrames.read(clientHello);

    assertThat(frames.isSeed004()).isFalse();
    assertThat(frames.stoppedBecause().orElseThrow()).contains("the maximum is 1048576");
  }

  @Test
  void chatLinesAreNotSeed004() {
    LegacyFrames frames = LegacyFrames.read("/register alice correct-horse-1\n".getBytes(UTF_8));

    assertThat(frames.isSeed004()).isFalse();
  }

  @Test
  void aFrameOfJsonThatNoSeed004MessageHasStopsTheReading() {
    byte[] bytes = Arrays.copyOf(new byte[8], 8 + 18);
    bytes[7] = 18;
    System.arraycopy("{\"type\":\"hello!\"}x".getBytes(UTF_8), 0, bytes, 8, 18);

    LegacyFrames frames = LegacyFrames.read(bytes);

    assertThat(frames.isSeed004()).isFalse();
    assertThat(frames.stoppedBecause()).isPresent();
  }

  @Test
  void noBytesAreNoFramesAndNoProblem() {
    LegacyFrames frames = LegacyFrames.read(new byte[0]);

    assertThat(frames.messages()).isEmpty();
    assertThat(frames.stoppedBecause()).isEmpty();
  }
}
