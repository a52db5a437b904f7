package securechat.core.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.ProtocolException;

class DownloadsTest {
  @TempDir Path dataDir;

  private Downloads downloads() {
    return new Downloads(dataDir.resolve("downloads").resolve("alice"));
  }

  @Test
  void savesTheContentAsUtf8UnderItsName() throws Exception {
    Path saved = downloads().save("notes.txt", "héllo\nwörld");

    assertThat(saved).isEqualTo(dataDir.resolve("downloads/alice/notes.txt").toAbsolutePath());
    assertThat(Files.readString(saved, UTF_8)).isEqualTo("héllo\nwörld");
  }

  @Test
  void neverOverwritesAFileButNumbersTheNewOne() throws Exception {
    Downloads downloads = downloads();

    Path first = downloads.save("notes.txt", "one");
    Path second = downloads.save("notes.txt", "two");
    Path third = downloads.save("notes.txt", "three");

    assertThat(List.of(first, second, third))
        .extracting(path -> path.getFileName().toString())
        .containsExactly("notes.txt", "notes-1.txt", "notes-2.txt");
    assertThat(Files.readString(first, UTF_8)).isEqualTo("one");
    assertThat(Files.readString(third, UTF_8)).isEqualTo("three");
  }

  @Test
  void aFileTheUserPutThereIsNeverReplaced() throws Exception {
    Downloads downloads = downloads();
    Files.createDirectories(downloads.folder());
    Files.writeString(downloads.folder().resolve("todo.txt"), "mine", UTF_8);

    downloads.save("todo.txt", "theirs");

    assertThat(Files.readString(downloads.folder().resolve("todo.txt"), UTF_8)).isEqualTo("mine");
  }

  @Test
  void variantsGoBeforeTheLastDotOrAtTheEnd() {
    assertThat(Downloads.variantOf("notes.txt", 0)).isEqualTo("notes.txt");
    assertThat(Downloads.variantOf("notes.txt", 2)).isEqualTo("notes-2.txt");
    assertThat(Downloads.variantOf("data.tar.gz", 1)).isEqualTo("data.tar-1.gz");
    assertThat(Downloads.variantOf("README", 1)).isEqualTo("README-1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "../../.bashrc",
        "a/b",
        "a\\b",
        ".bashrc",
        "..",
        ".",
        "",
        "-rf",
        "/etc/passwd",
        "C:\\Windows\\evil.txt",
        "bad\u001bname.txt",
        "notes.txt\u0000.sh"
      })
  void hostileNamesAreRefusedAndNothingIsWritten(String hostileName) {
    assertThatThrownBy(() -> downloads().save(hostileName, "pwned"))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FILE_NAME));
    assertThat(dataDir).isEmptyDirectory();
  }

  @Test
  void aTooLongNameIsRefused() {
    assertThatThrownBy(() -> downloads().save("a".repeat(65), "x"))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void folderAndFilesAreReadableByTheirOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Downloads downloads = downloads();

    Path saved = downloads.save("secret.txt", "for alice only");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(downloads.folder())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)))
        .isEqualTo("rw-------");
  }

  @Test
  @Timeout(10)
  void filesArrivingAtOnceNeverShareAName() throws Exception {
    Downloads downloads = downloads();
    ConcurrentLinkedQueue<Path> saved = new ConcurrentLinkedQueue<>();
    List<Thread> senders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String content = "copy " + i;
      senders.add(Thread.ofVirtual().start(() -> saved.add(saveUnchecked(downloads, content))));
    }
    for (Thread sender : senders) {
      sender.join();
    }

    assertThat(saved).hasSize(20).doesNotHaveDuplicates();
    assertThat(saved)
        .extracting(path -> Files.readString(path, UTF_8))
        .hasSize(20)
        .doesNotHaveDuplicates();
  }

  private static Path saveUnchecked(Downloads downloads, String content) {
    try {
      return downloads.save("same.txt", content);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
