package securechat.attacks.tamper;

import java.util.Optional;
import securechat.attacks.Observed;
import securechat.attacks.Outcome;
import securechat.attacks.Refusal;
import securechat.attacks.RelayedWhisper;
import securechat.attacks.Verdict;

/**
 * Judges a tamper run by what the victims saw: the attack succeeded if bob was shown a message from
 * alice that she did not write; otherwise the verdict names who refused the changed record.
 */
final class TamperVerdict {
  private TamperVerdict() {}

  /**
   * @param target the stage attacked
   * @param sent what alice wrote
   */
  static Verdict judge(String target, String sent, Observed seen) {
    Optional<String> forged =
        seen.textsFromAlice().stream()
            .filter(text -> !text.equals(sent) && !text.equals(RelayedWhisper.LAST))
            .findFirst();
    if (forged.isPresent()) {
      return verdict(
          target,
          Outcome.SUCCEEDED,
          "bob was shown \""
              + forged.get()
              + "\" from alice, who wrote \""
              + sent
              + "\"; nobody noticed the change",
          NOBODY_CHECKS,
          seen);
    }
    Optional<Refusal> refusal = Refusal.in(seen);
    if (refusal.isPresent()) {
      return verdict(target, Outcome.REFUSED, headline(refusal.get()), why(refusal.get()), seen);
    }
    String headline =
        seen.textsFromAlice().contains(sent)
            ? "bob was shown alice's message unchanged: the flipped bit changed nothing anyone"
                + " reads or checks"
            : "bob never saw the changed message, and no victim said why";
    return verdict(target, Outcome.REFUSED, headline, UNEXPLAINED, seen);
  }

  private static Verdict verdict(
      String target, Outcome outcome, String headline, String why, Observed seen) {
    return new Verdict("tamper", target, outcome, headline, why, seen.evidence());
  }

  private static String headline(Refusal refusal) {
    return switch (refusal.by()) {
      case RECIPIENT ->
          "the server forwarded the changed envelope unopened, and bob's client refused it: \""
              + refusal.said()
              + "\"";
      case RECORD_CHECK ->
          "the server refused alice's changed token and closed her connection: \""
              + refusal.said()
              + "\"";
      case TLS ->
          "the server's TLS layer refused the changed record and aborted alice's connection: \""
              + refusal.said()
              + "\"";
      case SERVER ->
          "the server refused alice's line or ended her connection: \"" + refusal.said() + "\"";
    };
  }

  private static String why(Refusal refusal) {
    return switch (refusal.by()) {
      case TLS -> TLS_TAG;
      case RECORD_CHECK -> FERNET_HMAC;
      case RECIPIENT -> ENVELOPE_SIGNATURE;
      case SERVER -> CHAT_RULES;
    };
  }

  private static final String NOBODY_CHECKS =
      "Nothing in the plain stage protects a line's integrity: TCP's checksum catches noise, not"
          + " an attacker, who recomputes it. One flipped bit changes one character (the default"
          + " bit turns '1', 0x31, into '9', 0x39), and the server and bob took the changed line"
          + " as alice's. Encryption alone would not fix this; a check that the bytes are the"
          + " ones alice sent (a MAC, an AEAD tag, a signature) does.";

  private static final String TLS_TAG =
      "TLS 1.3 seals every record with an AEAD (AES-GCM or ChaCha20-Poly1305, RFC 8446 §5.2)."
          + " Both encrypt like a stream cipher: flipping a bit of the ciphertext flips the same"
          + " bit of the plaintext (the default bit is the one that would turn '1' into '9')."
          + " But the record's 16-byte tag no longer matched, so the server's TLS layer refused"
          + " the record with a bad_record_mac alert and ended the connection, as §5.2 requires."
          + " The clear 5-byte header is covered too: it is the AEAD's additional data. The"
          + " attacker cannot change a line, only cut the connection.";

  private static final String FERNET_HMAC =
      "Each line travels as a Fernet token whose HMAC-SHA256 covers version, time, IV and"
          + " ciphertext; the server checks the token's form and its HMAC before decrypting"
          + " (encrypt-then-MAC), and closed alice's connection without telling her which check"
          + " failed. The HMAC is what"
          + " matters: AES-CBC alone is malleable, since flipping a bit of one ciphertext block"
          + " (or of the IV) flips the same bit of the next block's plaintext; the default bit is"
          + " the one that would have turned '1' into '9'.";

  private static final String ENVELOPE_SIGNATURE =
      "The server cannot check an envelope (it holds no key for it), so it forwarded it like any"
          + " whisper. Bob's client checks alice's Ed25519 signature over the header, ENC and"
          + " ciphertext against her key from the signed directory before HPKE opens anything; the"
          + " flipped bit broke the signature, so the message was dropped and bob was told why. A"
          + " change by anyone but alice fails the signature before the AEAD tag is even tried."
          + " This run used --transport plain so that the envelope itself is on the wire; over"
          + " the default TLS transport, TLS refuses the changed record first, as in the tls row.";

  private static final String CHAT_RULES =
      "The server answered by the chat's own rules (the line was no longer a valid command, or the"
          + " connection ended), not by a check of who wrote it: no key was involved, so a"
          + " change that still reads as a valid command would have gone through.";

  private static final String UNEXPLAINED =
      "No victim named a defence; the evidence shows how far the changed record got.";
}
