package securechat.app.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Jupyter keeps a user's kernel specs, and which of its programs are on the PATH. */
class JupyterTest {
  private static final Path HOME = Path.of("/home/ada");

  private static Path kernels(Map<String, String> env, String os) {
    return new Jupyter(env, os, HOME).userKernelsFolder();
  }

  @Test
  void linuxUsesXdgDataHomeOrLocalShare() {
    assertThat(kernels(Map.of(), "Linux"))
        .isEqualTo(Path.of("/home/ada/.local/share/jupyter/kernels"));
    assertThat(kernels(Map.of("XDG_DATA_HOME", "/data/ada"), "Linux"))
        .isEqualTo(Path.of("/data/ada/jupyter/kernels"));
  }

  @Test
  void macosUsesLibraryJupyter() {
    assertThat(kernels(Map.of("XDG_DATA_HOME", "/ignored"), "Mac OS X"))
        .isEqualTo(Path.of("/home/ada/Library/Jupyter/kernels"));
  }

  @Test
  void windowsUsesAppData() {
    assertThat(kernels(Map.of("APPDATA", "/appdata"), "Windows 11"))
        .isEqualTo(Path.of("/appdata", "jupyter", "kernels"));
    assertThat(kernels(Map.of(), "Windows 11"))
        .isEqualTo(Path.of("/home/ada/.jupyter/data/kernels"));
  }

  @Test
  void jupyterDataDirWinsEverywhere() {
    for (String os : new String[] {"Linux", "Mac OS X", "Windows 11"}) {
      assertThat(kernels(Map.of("JUPYTER_DATA_DIR", "/jd", "APPDATA", "/a"), os))
          .as(os)
          .isEqualTo(Path.of("/jd/kernels"));
    }
  }

  @Test
  void programIsFoundOnlyAsAnExecutableFileOnThePath(@TempDir Path dir) throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path script = Files.writeString(bin.resolve("jupyter-nbconvert"), "#!/bin/sh\n");
    Files.createDirectory(bin.resolve("jupyter-lab"));
    Files.writeString(bin.resolve("jupyter-notebook"), "not executable");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    String path = empty + File.pathSeparator + File.pathSeparator + bin;
    Jupyter jupyter = new Jupyter(Map.of("PATH", path), "Linux", HOME);

    assertThat(jupyter.program("jupyter-nbconvert")).contains(script);
    assertThat(jupyter.program("jupyter-lab")).isEmpty();
    assertThat(jupyter.program("jupyter-notebook")).isEmpty();
    assertThat(new Jupyter(Map.of(), "Linux", HOME).program("jupyter-nbconvert")).isEmpty();
  }
}
