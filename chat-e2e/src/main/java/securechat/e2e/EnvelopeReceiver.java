package securechat.e2e;

import java.util.Optional;
import securechat.core.protocol.ChatText;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;

/**
 * The recipient's checks, in order, on an envelope the server delivered as {@code WHISPER FROM TO
 * E2E1 ...}: its form; that it is addressed to us; that its sender field names the user the server
 * delivered it from; the signature, against the sender's key from the directory; the ciphertext;
 * and last the counter, so that only an authentic envelope can move the counter on.
 */
final class EnvelopeReceiver {
  private EnvelopeReceiver() {}

  /**
   * Opens {@code whisper}'s envelope and returns the protocol line the chat client shows: {@code
   * WHISPER}, {@code MSG} or {@code FILE}, as if the server had sent the plaintext (see {@code
   * shown}). The checks are the protocol's (docs/protocol.md, "e2e envelopes": the recipient's
   * checks), in its order; the first that fails refuses the envelope:
   *
   * <ol>
   *   <li>the form ({@link Envelope#parse});
   *   <li>the envelope's RECIPIENT and the whisper's TO are {@code me}, else WRONG_RECIPIENT;
   *   <li>the envelope's SENDER is the user the server delivered it from, else WRONG_SENDER;
   *   <li>the signature against {@code senderKeys}, then the ciphertext ({@link Envelope#open});
   *   <li>the opened text obeys the rules for text and files (see {@code checkContent});
   *   <li>last, the counter ({@link ContactBook#acceptCounter} of {@code me.contacts()}).
   * </ol>
   *
   * @param whisper the line as the server delivered it: {@code WHISPER FROM TO E2E1 ...}
   * @param senderKeys the keys of {@code whisper.from()} from the server-signed directory, already
   *     verified by the caller; never a key the message carries
   * @param me who we are: name, identity keys, contacts, limits
   * @param codec writes the returned line
   * @throws EnvelopeException with the reason of the first check that fails, and a sentence
   */
  static String open(
      ServerMessage.Private whisper, PublicIdentity senderKeys, E2eUser me, MessageCodec codec)
      throws EnvelopeException {
    // BEGIN SOLUTION
    Envelope envelope = Envelope.parse(whisper.text());
    if (!envelope.recipient().equals(me.name()) || !whisper.to().equals(me.name())) {
      throw new EnvelopeException(
          EnvelopeException.Reason.WRONG_RECIPIENT,
          "it is addressed to " + envelope.recipient() + ", not to you");
    }
    if (!envelope.sender().equals(whisper.from())) {
      throw new EnvelopeException(
          EnvelopeException.Reason.WRONG_SENDER,
          "its sender field says "
              + envelope.sender()
              + " but the server delivered it from "
              + whisper.from());
    }
    Payload payload = envelope.open(me.keys(), senderKeys);
    checkContent(payload, me.limits().maxFileBytes());
    me.contacts().acceptCounter(envelope.sender(), envelope.counter());
    return codec.encode(shown(whisper, payload));
    // END SOLUTION
  }

  /** A signed sender is still a peer: its text gets the checks every chat line gets. */
  private static void checkContent(Payload payload, int maxFileBytes) throws EnvelopeException {
    try {
      switch (payload) {
        case Payload.Whisper w -> ChatText.checkText(w.text());
        case Payload.Broadcast b -> ChatText.checkText(b.text());
        case Payload.File f -> ChatText.checkFile(f.content(), maxFileBytes);
      }
    } catch (ProtocolException e) {
      throw new EnvelopeException(EnvelopeException.Reason.MALFORMED, e.sentence());
    }
  }

  private static ServerMessage shown(ServerMessage.Private whisper, Payload payload) {
    return switch (payload) {
      case Payload.Whisper w -> new ServerMessage.Private(whisper.from(), whisper.to(), w.text());
      case Payload.Broadcast b -> new ServerMessage.Broadcast(whisper.from(), b.text());
      case Payload.File f ->
          new ServerMessage.FileDelivery(
              whisper.from(), Optional.of(whisper.to()), f.name(), f.content());
    };
  }
}
