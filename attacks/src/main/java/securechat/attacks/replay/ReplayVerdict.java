package securechat.attacks.replay;

import java.util.Optional;
import securechat.attacks.Observed;
import securechat.attacks.Outcome;
import securechat.attacks.Refusal;
import securechat.attacks.Verdict;

/**
 * Judges a replay run by what the victims saw: the attack succeeded if bob was shown alice's
 * message more often than she sent it; otherwise the verdict names who refused the copy.
 */
final class ReplayVerdict {
  private ReplayVerdict() {}

  /**
   * @param target the stage attacked
   * @param sent the message alice sent once and the relay sent again
   */
  static Verdict judge(String target, String sent, Observed seen) {
    long shown = seen.textsFromAlice().stream().filter(sent::equals).count();
    if (shown > 1) {
      return verdict(
          target,
          Outcome.SUCCEEDED,
          "bob was shown alice's \"" + sent + "\" " + shown + " times; she sent it once",
          NOTHING_COUNTS,
          seen);
    }
    Optional<Refusal> refusal = Refusal.in(seen);
    if (refusal.isPresent()) {
      return verdict(target, Outcome.REFUSED, headline(refusal.get()), why(refusal.get()), seen);
    }
    return verdict(
        target,
        Outcome.REFUSED,
        "bob was shown alice's message " + shown + " time(s), and no victim said why",
        UNEXPLAINED,
        seen);
  }

  private static Verdict verdict(
      String target, Outcome outcome, String headline, String why, Observed seen) {
    return new Verdict("replay", target, outcome, headline, why, seen.evidence());
  }

  private static String headline(Refusal refusal) {
    return switch (refusal.by()) {
      case RECIPIENT ->
          "the server forwarded the copy (it cannot tell), and bob's client refused it: \""
              + refusal.said()
              + "\"";
      case RECORD_CHECK ->
          "the server refused the copied token and closed alice's connection: \""
              + refusal.said()
              + "\"";
      case TLS ->
          "the server's TLS layer refused the copied record and aborted alice's connection: \""
              + refusal.said()
              + "\"";
      case SERVER ->
          "the server refused alice's line or ended her connection: \"" + refusal.said() + "\"";
    };
  }

  private static String why(Refusal refusal) {
    return switch (refusal.by()) {
      case TLS -> TLS_SEQUENCE;
      case RECORD_CHECK -> FERNET_SEQUENCE;
      case RECIPIENT -> ENVELOPE_COUNTER;
      case SERVER -> CHAT_RULES;
    };
  }

  private static final String NOTHING_COUNTS =
      "A plain line carries nothing that ties it to its place in the conversation: the same"
          + " bytes sent again are the same command, and the server ran it twice. TCP's sequence"
          + " numbers do not help: they order bytes on one connection, and the relay wrote its"
          + " copy as new bytes on its own connection to the server. Nothing here defends against"
          + " a replay.";

  private static final String TLS_SEQUENCE =
      "TLS 1.3 counts the records of each direction and derives each record's nonce from that"
          + " number (RFC 8446 §5.3), so the copy, sealed under an earlier number, failed its tag"
          + " where it arrived: bad_record_mac, and the server ended the connection. What it does"
          + " not cover: the numbers last as long as the connection, and a new connection is a"
          + " new session with new keys (so a record replayed into it fails too), but the chat"
          + " keeps no memory across connections: a client that sends the same message again"
          + " after reconnecting sends a new message. TLS 1.3's 0-RTT early data is replayable"
          + " (§8); the lab does not enable it.";

  private static final String FERNET_SEQUENCE =
      "Each Fernet token's plaintext starts with a sequence number, counted per direction"
          + " (0, 1, 2...) and covered by the HMAC: the copy carried a number already used, so"
          + " the server refused it as REPLAYED and closed the connection. Fernet's timestamp"
          + " would not have caught it: the stage sets no time-to-live, and a copy sent seconds"
          + " later would pass one anyway. Each session derives fresh"
          + " keys, one per direction, so a token replayed into another session, or reflected"
          + " back to its sender, does not even open.";

  private static final String ENVELOPE_COUNTER =
      "The server forwarded the copy: every envelope is opaque to it, and the transport here"
          + " (--transport plain) numbers nothing. Bob's client refused it by its counter: each"
          + " envelope carries a counter per sender and recipient, covered by the signature and"
          + " the AEAD, and bob's client keeps the last one it accepted from alice on disk, so a"
          + " replay is refused even after a restart. Over the default TLS transport, TLS would"
          + " have refused the copy first, as in the tls row.";

  private static final String CHAT_RULES =
      "The server answered alice with an error or ended her connection by the chat's own rules,"
          + " not by a check of where a line belongs in the conversation; the evidence shows"
          + " which.";

  private static final String UNEXPLAINED =
      "No victim named a defence; the evidence shows how far the copy got.";
}
