package securechat.attacks.crack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.account.PasswordHasher;
import securechat.core.cli.ConfigException;
import securechat.core.protocol.Username;

class HashFilesTest {
  private static final String ABC_HEX =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @TempDir Path tmp;

  @Test
  void unsaltedFileWrittenIsReadBackTheSame() throws Exception {
    Path file = tmp.resolve(HashFiles.UNSALTED_FILE);
    List<HashFiles.Unsalted> entries =
        List.of(new HashFiles.Unsalted(new Username("alice"), ABC_HEX));

    HashFiles.writeUnsalted(file, entries);

    assertThat(HashFiles.readUnsalted(file)).isEqualTo(entries);
    assertThat(Files.readAllLines(file, UTF_8)).contains("alice:" + ABC_HEX);
    if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // Unsalted hashes fall to a dictionary in seconds: as private as the accounts file.
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void unsaltedFileSkipsCommentsAndBlankLinesAndAcceptsUpperCaseHex() throws Exception {
    Path file = write("# the seed's users\n\nalice:" + ABC_HEX.toUpperCase() + "\n");

    assertThat(HashFiles.readUnsalted(file))
        .containsExactly(new HashFiles.Unsalted(new Username("alice"), ABC_HEX));
  }

  @Test
  void malformedUnsaltedLineIsRefusedWithItsNumber() throws Exception {
    Path file = write("alice:" + ABC_HEX + "\nbob:xyz\n");

    assertThatThrownBy(() -> HashFiles.readUnsalted(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + " line 2: expected name:<64 hex digits>, not 'bob:xyz'");
  }

  @Test
  void invalidNameIsRefusedWithTheNameRule() throws Exception {
    Path file = write("Alice:" + ABC_HEX + "\n");

    assertThatThrownBy(() -> HashFiles.readUnsalted(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + " line 1: 'Alice' is not a valid name");
  }

  @Test
  void missingAndEmptyFilesAreRefused() throws Exception {
    Path missing = tmp.resolve("missing.txt");
    Path empty = write("# nothing\n");

    assertThatThrownBy(() -> HashFiles.readUnsalted(missing))
        .hasMessage("no hash file at " + missing);
    assertThatThrownBy(() -> HashFiles.readArgon2id(empty))
        .hasMessage("the hash file " + empty + " has no accounts in it");
  }

  @Test
  void argon2idFileReadsTheAccountsFormat() throws Exception {
    String phc = PasswordHasher.forTests().hash("password1").toPhcString();
    Path file = write("# securechat-lab accounts\nalice " + phc + "\n");

    List<HashFiles.Argon2id> entries = HashFiles.readArgon2id(file);

    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).name()).isEqualTo(new Username("alice"));
    assertThat(entries.get(0).hash().toPhcString()).isEqualTo(phc);
  }

  @Test
  void argon2idLineWithAnotherAlgorithmIsRefused() throws Exception {
    Path file = write("alice $2b$12$abcdefghijklmnopqrstuv\n");

    assertThatThrownBy(() -> HashFiles.readArgon2id(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + " line 1: hash algorithm is '2b'; only argon2id is used");
  }

  private Path write(String text) throws Exception {
    Path file = Files.createTempFile(tmp, "hashes", ".txt");
    Files.writeString(file, text, UTF_8);
    return file;
  }
}
