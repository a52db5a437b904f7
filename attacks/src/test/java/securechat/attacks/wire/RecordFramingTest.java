package securechat.attacks.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import securechat.testkit.PiecesInputStream;

class RecordFramingTest {
  @Test
  void linesSplitAcrossReadsComeOutWholeWithTheirNewline() throws IOException {
    InputStream in =
        new PiecesInputStream(ascii("/regi"), ascii("ster alice pw\n/whi"), ascii("sper bob hi\n"));

    assertThat(readAll(RecordFraming.LINES, in))
        .containsExactly("/register alice pw\n", "/whisper bob hi\n");
  }

  @Test
  void aLineCutShortByTheEndOfTheStreamIsStillPassedOn() throws IOException {
    assertThat(readAll(RecordFraming.LINES, new ByteArrayInputStream(ascii("one\ntw"))))
        .containsExactly("one\n", "tw");
  }

  @Test
  void anEmptyStreamHasNoRecords() throws IOException {
    assertThat(RecordFraming.LINES.read(InputStream.nullInputStream())).isNull();
    assertThat(RecordFraming.TLS_RECORDS.read(InputStream.nullInputStream())).isNull();
  }

  @Test
  void aLineLongerThanTheMaximumIsPassedOnInPieces() throws IOException {
    byte[] endless = new byte[RecordFraming.MAX_LINE_BYTES + 10];
    Arrays.fill(endless, (byte) 'x');

    List<byte[]> records = new ArrayList<>();
    InputStream in = new ByteArrayInputStream(endless);
    for (byte[] record; (record = RecordFraming.LINES.read(in)) != null; ) {
      records.add(record);
    }

    assertThat(records)
        .extracting(record -> record.length)
        .containsExactly(RecordFraming.MAX_LINE_BYTES, 10);
  }

  @Test
  void tlsRecordsSplitAcrossReadsComeOutWholeWithTheirHeader() throws IOException {
    byte[] hello = TlsRecords.record(TlsRecord.HANDSHAKE, 40);
    byte[] data = TlsRecords.record(TlsRecord.APPLICATION_DATA, 300);
    InputStream in = PiecesInputStream.cut(TlsRecords.concat(hello, data), 3);

    assertThat(RecordFraming.TLS_RECORDS.read(in)).isEqualTo(hello);
    assertThat(RecordFraming.TLS_RECORDS.read(in)).isEqualTo(data);
    assertThat(RecordFraming.TLS_RECORDS.read(in)).isNull();
  }

  @Test
  void aTlsRecordCutShortIsPassedOnAsItCame() throws IOException {
    byte[] data = TlsRecords.record(TlsRecord.APPLICATION_DATA, 100);
    byte[] cut = Arrays.copyOf(data, 60);

    assertThat(RecordFraming.TLS_RECORDS.read(new ByteArrayInputStream(cut))).isEqualTo(cut);
    assertThat(RecordFraming.TLS_RECORDS.read(new ByteArrayInputStream(Arrays.copyOf(data, 3))))
        .hasSize(3);
  }

  @Test
  void tlsRecordTypesAreNamedAsRfc8446NamesThem() {
    assertThat(TlsRecord.typeName(TlsRecords.record(TlsRecord.APPLICATION_DATA, 1)))
        .isEqualTo("application_data");
    assertThat(TlsRecord.typeName(TlsRecords.record(TlsRecord.CHANGE_CIPHER_SPEC, 1)))
        .isEqualTo("change_cipher_spec");
    assertThat(TlsRecord.isApplicationData(TlsRecords.record(TlsRecord.HANDSHAKE, 1))).isFalse();
    assertThat(TlsRecord.isApplicationData(new byte[] {23, 3})).isFalse();
  }

  private static List<String> readAll(RecordFraming framing, InputStream in) throws IOException {
    List<String> records = new ArrayList<>();
    for (byte[] record; (record = framing.read(in)) != null; ) {
      records.add(new String(record, US_ASCII));
    }
    return records;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(US_ASCII);
  }
}
