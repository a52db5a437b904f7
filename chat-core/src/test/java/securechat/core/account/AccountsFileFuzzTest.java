package securechat.core.account;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the reading of the server's accounts file ({@link AccountsFile#load}): a file on disk is
 * input too, hand-edited, half-written by a crash, or damaged. The documented failure is an {@link
 * IOException} whose message names the file and the line; anything else is a bug.
 *
 * <p>Seeds: {@code AccountsFileFuzzTestInputs/accountsFiles/}, a real file and broken ones.
 */
class AccountsFileFuzzTest {
  private static final Path DATA_DIR = temporaryFolder();

  @FuzzTest
  void accountsFiles(byte[] untrustedBytes) throws IOException {
    Files.write(DATA_DIR.resolve(AccountsFile.FILE_NAME), untrustedBytes);
    try {
      AccountsFile.in(DATA_DIR).load();
    } catch (IOException expected) {
      // The documented way to refuse the file, with its name and line in the message.
    }
  }

  private static Path temporaryFolder() {
    try {
      Path folder = Files.createTempDirectory("fuzzed-accounts");
      folder.toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
