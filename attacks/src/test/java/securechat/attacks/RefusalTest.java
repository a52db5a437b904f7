package securechat.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalTest {
  private static final String TLS_LOG =
      "08:23:41 127.0.0.1:39778 connection lost: (bad_record_mac) Tag mismatch";
  private static final String FERNET_LOG =
      "08:23:41 127.0.0.1:48558 connection lost: record refused (TAMPERED): token's HMAC does not"
          + " match";
  private static final String BOB_REFUSED =
      "[e2e] REFUSED a message from alice: its signature does not verify against alice's key in"
          + " the directory";

  @Test
  void bobsClientRefusingAnEnvelopeIsTheRecipientsRefusal() {
    Refusal refusal = Refusal.in(seen(List.of(BOB_REFUSED), List.of())).orElseThrow();

    assertThat(refusal.by()).isEqualTo(Refusal.By.RECIPIENT);
    assertThat(refusal.said()).isEqualTo(BOB_REFUSED);
  }

  @Test
  void aRefusedRecordInTheServerLogIsTheRecordCheckQuotedWithoutTimeAndPeer() {
    Refusal refusal =
        Refusal.in(seen(List.of(), List.of(FERNET_LOG, "08:23:41 127.0.0.1:48558 closed")))
            .orElseThrow();

    assertThat(refusal.by()).isEqualTo(Refusal.By.RECORD_CHECK);
    assertThat(refusal.evidence()).isEqualTo(FERNET_LOG);
    assertThat(refusal.said())
        .isEqualTo("connection lost: record refused (TAMPERED): token's HMAC does not match");
  }

  @Test
  void aBadRecordMacIsTheTlsLayers() {
    assertThat(Refusal.in(seen(List.of(), List.of(TLS_LOG))))
        .map(Refusal::by)
        .hasValue(Refusal.By.TLS);
  }

  @Test
  void anyOtherEndOfAlicesConnectionIsTheServersAndNothingIsNobodys() {
    assertThat(Refusal.in(seen(List.of(), List.of("08:00:00 127.0.0.1:1 connection lost: reset"))))
        .map(Refusal::by)
        .hasValue(Refusal.By.SERVER);
    assertThat(Refusal.in(seen(List.of(), List.of()))).isEmpty();
  }

  static Observed seen(List<String> bobRefused, List<String> serverOnAlice) {
    return new Observed(List.of(), bobRefused, serverOnAlice, List.of(), List.of());
  }
}
