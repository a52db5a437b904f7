package securechat.core.identity;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import securechat.core.channel.HandshakeException;

/**
 * Fuzzes the reading of the two identity files: a server's {@code server-identity.pem} ({@link
 * ServerIdentity#loadOrCreate}; documented failures {@link IOException} and {@link
 * GeneralSecurityException}) and a client's {@code known_hosts} ({@link KnownHosts#check}; {@link
 * IOException}, and {@link HandshakeException} when the pinned key differs). The same bytes are
 * both files; anything else thrown is a bug.
 *
 * <p>Seeds: {@code IdentityFilesFuzzTestInputs/identityFiles/}, real files and broken ones.
 */
class IdentityFilesFuzzTest {
  private static final Path DATA_DIR = temporaryFolder();
  private static final ServerIdentity SERVER = generate();

  @FuzzTest
  void identityFiles(byte[] untrustedBytes) throws IOException {
    Path identityFile = ServerIdentity.file(DATA_DIR, "ecdhe");
    Files.createDirectories(identityFile.getParent());
    Files.write(identityFile, untrustedBytes);
    try {
      ServerIdentity.loadOrCreate(DATA_DIR, "ecdhe", message -> {});
    } catch (IOException | GeneralSecurityException expected) {
      // The documented ways to refuse the file.
    }
    KnownHosts knownHosts = new KnownHosts(DATA_DIR, message -> {});
    Files.write(knownHosts.file(), untrustedBytes);
    try {
      knownHosts.check("localhost:7003", SERVER.publicKey());
    } catch (IOException | HandshakeException expected) {
      // Unreadable, or the pinned key differs: refused with a sentence.
    }
  }

  private static Path temporaryFolder() {
    try {
      Path folder = Files.createTempDirectory("fuzzed-identity");
      folder.toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ServerIdentity generate() {
    try {
      return ServerIdentity.generate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
