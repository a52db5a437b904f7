package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.e2e.legacy.Seed004Message.DirectoryEntry;
import securechat.e2e.legacy.Seed004Message.ErrorReply;
import securechat.e2e.legacy.Seed004Message.NonceResponse;
import securechat.e2e.legacy.Seed004Message.NonceVerification;
import securechat.e2e.legacy.Seed004Message.Register;
import securechat.e2e.legacy.Seed004Message.UserList;

/**
 * The exact bytes quoted in {@code docs/legacy-seed004.md}: one session, every message, made from
 * fixed seeds with 512-bit keys (short enough to read; the programs use 2048). The expected text is
 * {@code legacy/seed004-wire-examples.txt}; when the wire format changes on purpose, this test
 * writes the new text to {@code target/seed004-wire-examples.txt} to copy over it (and into the
 * doc).
 */
class Seed004WireExamplesTest {
  private static final LegacyRsaKeyPair SERVER = LegacyRsaKeyPair.generate(new Random(40), 512);
  private static final LegacyRsaKeyPair ALICE = LegacyRsaKeyPair.generate(new Random(41), 512);
  private static final LegacyRsaKeyPair BOB = LegacyRsaKeyPair.generate(new Random(42), 512);

  @Test
  void oneSessionMakesExactlyTheBytesTheDocQuotes() throws Exception {
    String actual = render();

    String expected = resource("/legacy/seed004-wire-examples.txt");
    if (!actual.equals(expected)) {
      Files.writeString(Path.of("target", "seed004-wire-examples.txt"), actual, UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }

  /** Alice's handshake and registration, bob's entry, one message from alice to bob, one error. */
  static String render() throws Exception {
    StringBuilder out = new StringBuilder();
    Seed004ServerHandshake server = new Seed004ServerHandshake(SERVER, new Random(43));
    Seed004ClientHandshake alice = new Seed004ClientHandshake(ALICE, new Random(44));
    frame(out, "server -> alice", server.challenge());
    NonceResponse response = alice.respond(server.challenge());
    frame(out, "alice -> server", response);
    NonceVerification verification = server.answer(response);
    alice.checkVerification(verification);
    frame(out, "server -> alice", verification);
    frame(out, "alice -> server", new Register("alice", ALICE.publicKey().toKeyText()));
    frame(
        out,
        "server -> alice, bob",
        new UserList(Map.of("alice", entry("alice", ALICE), "bob", entry("bob", BOB))));
    String sealed =
        new LegacyRsaDesCipher(new Random(45)).seal("hello bob", ALICE, BOB.publicKey());
    frame(out, "alice -> server", new ChatMessage("bob", sealed, Optional.empty()));
    frame(out, "server -> bob", new ChatMessage("bob", sealed, Optional.of("alice")));
    frame(out, "server -> alice", new ErrorReply("no user named 'carol' is online"));
    LegacyKeyRecovery.Recovered recovered = LegacyKeyRecovery.recover(sealed);
    out.append("# recovered from the package alone: DES key '")
        .append(recovered.desKeyText())
        .append("', text '")
        .append(recovered.plaintext())
        .append("'\n");
    return out.toString();
  }

  private static DirectoryEntry entry(String name, LegacyRsaKeyPair key) {
    String keyText = key.publicKey().toKeyText();
    return new DirectoryEntry(
        name, keyText, LegacyTextbookRsa.signSha256(keyText.getBytes(UTF_8), SERVER));
  }

  /** One frame as the doc shows it: a comment line, the 8 length bytes in hex, the JSON text. */
  private static void frame(StringBuilder out, String direction, Seed004Message message) {
    String json = Seed004Codec.encode(message);
    byte[] length = ByteBuffer.allocate(8).putLong(json.getBytes(UTF_8).length).array();
    out.append("# ")
        .append(Seed004Codec.typeName(message))
        .append(", ")
        .append(direction)
        .append(": 8 + ")
        .append(json.getBytes(UTF_8).length)
        .append(" bytes\n")
        .append(HexFormat.ofDelimiter(" ").formatHex(length))
        .append('\n')
        .append(json)
        .append("\n\n");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Seed004WireExamplesTest.class.getResourceAsStream(name)) {
      return in == null ? "(missing " + name + ")" : new String(in.readAllBytes(), UTF_8);
    }
  }
}
