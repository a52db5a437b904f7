package securechat.attacks.legacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import securechat.e2e.legacy.Seed004Codec;
import securechat.e2e.legacy.Seed004FormatException;
import securechat.e2e.legacy.Seed004Framer;
import securechat.e2e.legacy.Seed004Message;

/**
 * One direction of a recorded connection read as seed 004 reads it: frames of an 8-byte big-endian
 * length and that many bytes of UTF-8 JSON ({@link Seed004Framer}), each decoded to a {@link
 * Seed004Message} ({@link Seed004Codec}). An eavesdropper needs nothing else to find every package.
 *
 * <pre>{@code
 * LegacyFrames frames = LegacyFrames.read(bytesFromClientToServer);
 * frames.messages();      // nonce_response, register, message, ...
 * frames.stoppedBecause(); // empty if every byte was a whole frame
 * }</pre>
 *
 * <p>Reading stops at the first byte that is not a frame: a length over 1 MiB (TLS records and chat
 * lines start with bytes that make an absurd length), JSON that is not a seed 004 object, or a
 * frame the capture cut short. What was read before it is kept.
 */
public record LegacyFrames(List<Seed004Message> messages, Optional<String> stoppedBecause) {
  public LegacyFrames {
    messages = List.copyOf(messages);
  }

  /** Reads {@code untrustedBytes} as seed 004 frames, from its first byte. */
  public static LegacyFrames read(byte[] untrustedBytes) {
    InputStream in = new ByteArrayInputStream(untrustedBytes);
    List<Seed004Message> messages = new ArrayList<>();
    try {
      for (String json = Seed004Framer.readFrame(in);
          json != null;
          json = Seed004Framer.readFrame(in)) {
        messages.add(Seed004Codec.decode(json));
      }
      return new LegacyFrames(messages, Optional.empty());
    } catch (IOException | Seed004FormatException e) {
      return new LegacyFrames(messages, Optional.of(e.getMessage()));
    }
  }

  /** True if at least one seed 004 message was read: these bytes speak seed 004. */
  public boolean isSeed004() {
    return !messages.isEmpty();
  }
}
