package securechat.attacks.legacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Random;
import securechat.e2e.legacy.LegacyRsaDesCipher;
import securechat.e2e.legacy.LegacyRsaKeyPair;
import securechat.e2e.legacy.Seed004Codec;
import securechat.e2e.legacy.Seed004Framer;
import securechat.e2e.legacy.Seed004Message;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.e2e.legacy.Seed004Message.Register;

/**
 * Seed 004 bytes as they cross the wire, made without a network by the replica's own classes, with
 * small (512-bit) keys from fixed seeds so that tests are fast and repeatable.
 */
final class Seed004Bytes {
  static final LegacyRsaKeyPair ALICE = LegacyRsaKeyPair.generate(new Random(1), 512);
  static final LegacyRsaKeyPair BOB = LegacyRsaKeyPair.generate(new Random(2), 512);

  private Seed004Bytes() {}

  /** The frames of {@code messages}, one after the other, as one direction of a connection. */
  static byte[] frames(Seed004Message... messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (Seed004Message message : messages) {
        Seed004Framer.writeFrame(out, Seed004Codec.encode(message));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Register register(String name, LegacyRsaKeyPair key) {
    return new Register(name, key.publicKey().toKeyText());
  }

  /** A package from {@code from} to {@code to}, its DES key drawn from {@code seed}. */
  static String sealed(String text, LegacyRsaKeyPair from, LegacyRsaKeyPair to, long seed) {
    return new LegacyRsaDesCipher(new Random(seed)).seal(text, from, to.publicKey());
  }

  /** A message on its way to the server: no sender. */
  static ChatMessage toServer(String recipient, String packageJson) {
    return new ChatMessage(recipient, packageJson, Optional.empty());
  }

  /** The same message on its way to the recipient, named by the server. */
  static ChatMessage toRecipient(String sender, String recipient, String packageJson) {
    return new ChatMessage(recipient, packageJson, Optional.of(sender));
  }
}
