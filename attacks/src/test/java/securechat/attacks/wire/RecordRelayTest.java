package securechat.attacks.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import securechat.testkit.PiecesInputStream;

class RecordRelayTest {
  private static final byte[] HELLO = TlsRecords.record(TlsRecord.HANDSHAKE, 200);
  private static final byte[] CCS = TlsRecords.record(TlsRecord.CHANGE_CIPHER_SPEC, 1);
  private static final byte[] FINISHED = TlsRecords.record(TlsRecord.APPLICATION_DATA, 53);
  private static final byte[] LOGIN = TlsRecords.record(TlsRecord.APPLICATION_DATA, 60);
  private static final byte[] MESSAGE = TlsRecords.record(TlsRecord.APPLICATION_DATA, 61);
  private static final byte[] NEXT = TlsRecords.record(TlsRecord.APPLICATION_DATA, 62);
  private static final byte[] CLIENT =
      TlsRecords.concat(HELLO, CCS, FINISHED, LOGIN, MESSAGE, NEXT);

  private final List<String> events = new ArrayList<>();

  @Test
  void withoutAnEditEveryByteArrivesUnchangedHoweverTheReadsCutIt() throws IOException {
    for (int piece : new int[] {1, 2, 5, 7, 4096}) {
      assertThat(relay(RecordFraming.TLS_RECORDS, RecordEditor.UNCHANGED, CLIENT, piece))
          .isEqualTo(CLIENT);
    }
    byte[] lines = "ECDHE-HELLO 1 x25519 abc\n\ngAAAAAB1\ngAAAAAB2\nno newline".getBytes(US_ASCII);
    assertThat(relay(RecordFraming.LINES, RecordEditor.UNCHANGED, lines, 3)).isEqualTo(lines);
  }

  @Test
  void theChangerChangesOnlyTheNthCandidateRecord() throws IOException {
    RecordPicker third = new RecordPicker(3, TlsRecord::isApplicationData, "the 3rd");
    RecordChanger changer = new RecordChanger(third, record -> flipLastByte(record), events::add);

    byte[] relayed = relay(RecordFraming.TLS_RECORDS, changer, CLIENT, 7);

    assertThat(relayed)
        .isEqualTo(TlsRecords.concat(HELLO, CCS, FINISHED, LOGIN, flipLastByte(MESSAGE), NEXT));
    assertThat(events).containsExactly("changed the 3rd (66 bytes) on its way to the server");
    assertThat(changer.problem()).isEmpty();
  }

  @Test
  void aChangeThatCannotApplyLeavesTheRecordAsItWasAndSaysWhy() throws IOException {
    RecordPicker third = new RecordPicker(3, TlsRecord::isApplicationData, "the 3rd");
    RecordChanger changer =
        new RecordChanger(
            third,
            record -> {
              throw new IllegalArgumentException("bit 9999 is outside its 528 bits");
            },
            events::add);

    assertThat(relay(RecordFraming.TLS_RECORDS, changer, CLIENT, 4096)).isEqualTo(CLIENT);
    assertThat(changer.problem())
        .hasValue("could not change the 3rd: bit 9999 is outside its 528 bits");
  }

  @Test
  void theReplayerSendsTheTargetAgainRightAfterTheNextRecord() throws IOException {
    RecordPicker third = new RecordPicker(3, TlsRecord::isApplicationData, "the 3rd");
    RecordReplayer replayer = new RecordReplayer(third, events::add);

    byte[] relayed = relay(RecordFraming.TLS_RECORDS, replayer, CLIENT, 5);

    assertThat(relayed)
        .isEqualTo(TlsRecords.concat(HELLO, CCS, FINISHED, LOGIN, MESSAGE, NEXT, MESSAGE));
    assertThat(events).hasSize(2);
  }

  @Test
  void theReplayerSendsItsCopyOnceAndLinesStayLines() throws IOException {
    byte[] lines =
        "/register alice pw\n/whisper bob pay\n/whisper bob ok\n/list\n".getBytes(US_ASCII);
    RecordPicker whisper =
        new RecordPicker(1, RecordPicker.lineStartingWith("/whisper bob "), "the whisper");

    byte[] relayed = relay(RecordFraming.LINES, new RecordReplayer(whisper, events::add), lines, 4);

    assertThat(new String(relayed, US_ASCII))
        .isEqualTo(
            "/register alice pw\n/whisper bob pay\n/whisper bob ok\n/whisper bob pay\n/list\n");
  }

  @Test
  void aTargetThatNeverComesChangesNothing() throws IOException {
    RecordPicker tenth = new RecordPicker(10, TlsRecord::isApplicationData, "the 10th");

    assertThat(relay(RecordFraming.TLS_RECORDS, new RecordReplayer(tenth, events::add), CLIENT, 9))
        .isEqualTo(CLIENT);
    assertThat(events).isEmpty();
  }

  private static byte[] relay(RecordFraming framing, RecordEditor editor, byte[] client, int piece)
      throws IOException {
    ByteArrayOutputStream server = new ByteArrayOutputStream();
    new RecordRelay(framing, editor).relayRecords(PiecesInputStream.cut(client, piece), server);
    return server.toByteArray();
  }

  private static byte[] flipLastByte(byte[] record) {
    byte[] changed = record.clone();
    changed[changed.length - 1] ^= 1;
    return changed;
  }
}
