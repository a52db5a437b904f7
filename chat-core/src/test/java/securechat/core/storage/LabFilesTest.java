package securechat.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Private files stay private, replacements are whole, and writers take turns. */
class LabFilesTest {
  @TempDir Path tmp;

  @Test
  void privateFilesAndDirectoriesAreOwnerOnlyAndPublicOnesReadable() throws Exception {
    assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path dir = tmp.resolve("a/b");

    LabFiles.writePrivate(dir.resolve("key.pem"), "secret".getBytes(UTF_8));
    LabFiles.writePublic(dir.resolve("cert.pem"), "public".getBytes(UTF_8));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.pem"))))
        .isEqualTo("rw-------");
    assertThat(Files.getPosixFilePermissions(dir.resolve("cert.pem")))
        .contains(PosixFilePermission.OTHERS_READ);
  }

  @Test
  void aReplacementIsWholeAndLeavesNoTemporaryFile() throws Exception {
    Path file = tmp.resolve("accounts");
    LabFiles.writePrivate(file, "old\n".getBytes(UTF_8));

    LabFiles.writePrivate(file, "new\n".getBytes(UTF_8));

    assertThat(Files.readString(file)).isEqualTo("new\n");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly("accounts");
    }
  }

  @Test
  void aWriteDeletesTheTemporaryFileOfAnEndedProcessButNotOfALiveOne() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path leftover = tmp.resolve(LabFiles.tempPrefix("accounts", ended.pid()) + "1.tmp");
    Path underWay =
        tmp.resolve(LabFiles.tempPrefix("accounts", ProcessHandle.current().pid()) + "2.tmp");
    Path otherFile = tmp.resolve(LabFiles.tempPrefix("known_hosts", ended.pid()) + "3.tmp");
    for (Path temp : new Path[] {leftover, underWay, otherFile}) {
      Files.writeString(temp, "half a versi");
    }

    LabFiles.writePrivate(tmp.resolve("accounts"), "new\n".getBytes(UTF_8));

    assertThat(leftover).doesNotExist();
    assertThat(underWay).exists();
    assertThat(otherFile).as("another file's leftover waits for that file's next write").exists();
  }

  @Test
  @Timeout(10)
  void aDirectoryLockNestsOnOneThreadAndMakesAnotherWait() throws Exception {
    CountDownLatch otherHasIt = new CountDownLatch(1);
    CompletableFuture<Void> other;
    try (DirectoryLock outer = DirectoryLock.acquire(tmp, "test.lock");
        DirectoryLock nested = DirectoryLock.acquire(tmp, "test.lock")) {
      other =
          CompletableFuture.runAsync(
              () -> {
                try (DirectoryLock mine = DirectoryLock.acquire(tmp, "test.lock")) {
                  otherHasIt.countDown();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      assertThat(otherHasIt.await(200, TimeUnit.MILLISECONDS)).isFalse();
    }
    assertThat(otherHasIt.await(5, TimeUnit.SECONDS)).isTrue();
    other.get(5, TimeUnit.SECONDS);
  }
}
