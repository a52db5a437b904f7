package securechat.e2e;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Username;

/**
 * Fuzzes the e2e stage's stored files, the same bytes as each: a user's identity file ({@link
 * IdentityFile#parse}; documented failure {@link ParseException} naming the line), a user's
 * contacts ({@link ContactBook#open}; {@link IOException}) and the server's key directory ({@link
 * KeyDirectory#open}; {@link IOException}). Anything else thrown is a bug.
 *
 * <p>Seeds: {@code E2eFilesFuzzTestInputs/e2eFiles/}, real files of each kind and broken ones.
 */
class E2eFilesFuzzTest {
  private static final Path DATA_DIR = temporaryFolder();
  private static final Username ALICE = new Username("alice");
  private static final ServerIdentity SERVER = serverIdentity();

  @FuzzTest
  void e2eFiles(byte[] untrustedBytes) throws IOException {
    identityFile(untrustedBytes);
    Path contacts = DATA_DIR.resolve("e2e/users/alice/contacts");
    Files.createDirectories(contacts.getParent());
    Files.write(contacts, untrustedBytes);
    try {
      ContactBook.open(DATA_DIR, ALICE);
    } catch (IOException expected) {
      // Refused with the file's name and line.
    }
    Files.write(DATA_DIR.resolve(KeyDirectory.FILE), untrustedBytes);
    try {
      KeyDirectory.open(DATA_DIR, SERVER, Clock.systemUTC());
    } catch (IOException expected) {
      // Refused with the file's name and line.
    }
  }

  /** IdentityStore reads the file as US-ASCII and refuses other bytes before parsing. */
  private static void identityFile(byte[] untrustedBytes) {
    String text;
    try {
      text =
          StandardCharsets.US_ASCII.newDecoder().decode(ByteBuffer.wrap(untrustedBytes)).toString();
    } catch (CharacterCodingException notAscii) {
      return;
    }
    try {
      IdentityFile.parse(text);
    } catch (ParseException expected) {
      // Refused, naming the line.
    }
  }

  private static Path temporaryFolder() {
    try {
      Path folder = Files.createTempDirectory("fuzzed-e2e-files");
      Files.createDirectories(folder.resolve(KeyDirectory.FILE).getParent());
      folder.toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ServerIdentity serverIdentity() {
    try {
      return ServerIdentity.generate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
