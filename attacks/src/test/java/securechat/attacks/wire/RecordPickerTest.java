package securechat.attacks.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordPickerTest {
  @Test
  void onlyCandidatesAreCountedAndOnlyTheNthIsTheTarget() {
    RecordPicker second =
        new RecordPicker(2, RecordPicker.lineStartingWith("gAAAAA"), "the 2nd token");
    List<String> lines = List.of("ECDHE-FINISHED x\n", "gAAAAA1\n", "gAAAAA2\n", "gAAAAA3\n");

    assertThat(lines)
        .map(line -> second.isTarget(line.getBytes(US_ASCII)))
        .containsExactly(false, false, true, false);
  }

  @Test
  void aLineShorterThanThePrefixIsNoCandidate() {
    assertThat(RecordPicker.lineStartingWith("/whisper ").test("/w".getBytes(US_ASCII))).isFalse();
  }

  @Test
  void numbersCountFromOne() {
    assertThatThrownBy(() -> new RecordPicker(0, record -> true, "none"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("number counts from 1, not 0");
  }

  @Test
  void eachStagesPickerFindsAlicesFirstMessageAfterHerLogin() {
    RecordPicker tls = WireFormat.TLS_RECORDS.messagePicker();
    byte[] appData = TlsRecords.record(TlsRecord.APPLICATION_DATA, 30);
    assertThat(tls.isTarget(TlsRecords.record(TlsRecord.HANDSHAKE, 30))).isFalse();
    assertThat(List.of(appData, appData, appData))
        .map(tls::isTarget)
        .containsExactly(false, false, true);

    RecordPicker e2e = WireFormat.ENVELOPE_LINES.messagePicker();
    assertThat(e2e.isTarget("/key bob\n".getBytes(US_ASCII))).isFalse();
    assertThat(e2e.isTarget("/whisper bob E2E1 aes128gcm\n".getBytes(US_ASCII))).isTrue();
  }
}
