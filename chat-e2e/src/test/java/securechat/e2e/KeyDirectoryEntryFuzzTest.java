package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.List;
import securechat.core.channel.LineFramer;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/**
 * Fuzzes the key directory entry a client reads in {@code KEY NAME ENTRY}: {@link
 * SignedKeyEntry#parse} (documented failure: {@link IllegalArgumentException} with a sentence),
 * {@link SignedKeyEntry#verify} ({@link SignatureException}) and the client's {@link
 * DirectoryView#accept}, which must refuse a bad entry with a message and never throw.
 *
 * <p>An entry that parses must be the one encoding of what it says. The fuzzer cannot sign, so the
 * keys and time of every entry that parses are also signed by the real server and handed to the
 * client, whose comparison with its contacts then sees fuzzed keys.
 *
 * <p>Seeds: {@code KeyDirectoryEntryFuzzTestInputs/entries/}, real entries and broken ones.
 */
class KeyDirectoryEntryFuzzTest {
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");
  private static final IdentityKeys ALICE_KEYS = EnvelopeFuzzTest.keys(1);
  private static final ServerIdentity SERVER = serverIdentity();

  @FuzzTest
  void entries(byte[] untrustedBytes) throws GeneralSecurityException {
    String text;
    try {
      text = LineFramer.decode(untrustedBytes, untrustedBytes.length, 64 * 1024);
    } catch (ProtocolException notALine) {
      return;
    }
    List<String> said = new ArrayList<>();
    DirectoryView client = client(said);
    client.accept(BOB, text);
    SignedKeyEntry entry;
    try {
      entry = SignedKeyEntry.parse(BOB, text);
    } catch (IllegalArgumentException expected) {
      assertThat(said).isNotEmpty();
      return;
    }
    assertThat(entry.encode()).isEqualTo(text);
    try {
      entry.verify(SERVER.publicKey());
    } catch (SignatureException expected) {
      assertThat(said).isNotEmpty();
    }
    SignedKeyEntry signed = SignedKeyEntry.sign(BOB, entry.keys(), entry.boundAt(), SERVER);
    client.accept(BOB, signed.encode());
    assertThat(client.find(BOB)).contains(entry.keys());
    client.accept(
        ALICE, SignedKeyEntry.sign(ALICE, entry.keys(), entry.boundAt(), SERVER).encode());
  }

  private static DirectoryView client(List<String> said) {
    return new DirectoryView(
        ALICE, ALICE_KEYS.publicIdentity(), SERVER.publicKey(), ContactBook.inMemory(), said::add);
  }

  private static ServerIdentity serverIdentity() {
    try {
      return ServerIdentity.generate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
