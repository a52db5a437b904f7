package securechat.app.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kernel.json: what Jupyter runs to start the notebooks' kernel, and with which settings. */
class KernelSpecTest {
  private final KernelSpec spec =
      new KernelSpec(
          Path.of("/opt/jdk-21/bin/java"), Path.of("/k/rapaio-jupyter-kernel-3.0.1.jar"));

  @Test
  void argvRunsTheJarOnThisJavaWithNativeAccessAllowed() {
    assertThat(spec.argv())
        .containsExactly(
            "/opt/jdk-21/bin/java",
            "--enable-native-access=ALL-UNNAMED",
            "-jar",
            "/k/rapaio-jupyter-kernel-3.0.1.jar",
            "{connection_file}");
  }

  @Test
  void kernelJsonNamesTheKernelAndKeepsRapaiosSettings() throws Exception {
    JsonNode json = new ObjectMapper().readTree(spec.json());

    assertThat(json.path("display_name").asText()).isEqualTo("Java (securechat-lab)");
    assertThat(json.path("language").asText()).isEqualTo("java");
    assertThat(json.path("interrupt_mode").asText()).isEqualTo("message");
    assertThat(json.path("argv").get(1).asText()).isEqualTo("--enable-native-access=ALL-UNNAMED");
    assertThat(new ObjectMapper().convertValue(json.path("env"), Map.class))
        .containsExactly(
            Map.entry("RJK_CLASSPATH", ""),
            Map.entry("RJK_COMPILER_OPTIONS", ""),
            Map.entry("RJK_INIT_SCRIPT", ""),
            Map.entry("RJK_TIMEOUT_MILLIS", "-1"),
            Map.entry("RJK_MIMA_CACHE", "mima_cache"));
  }

  @Test
  void theKernelRunsOnTheJavaOfThisJvm() {
    KernelSpec forThisJava = KernelSpec.forThisJava(Path.of("k.jar"), false);

    assertThat(forThisJava.java())
        .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"))
        .isAbsolute();
    assertThat(KernelSpec.forThisJava(Path.of("k.jar"), true).java().getFileName())
        .hasToString("java.exe");
  }

  @Test
  void writeIntoWritesTheFileOnceAndThenLeavesItAlone(@TempDir Path kernels) throws Exception {
    assertThat(spec.writeInto(kernels)).isTrue();
    Path file = kernels.resolve("securechat-lab").resolve("kernel.json");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(spec.json());

    assertThat(spec.writeInto(kernels)).isFalse();
    KernelSpec otherJava = new KernelSpec(Path.of("/opt/jdk-25/bin/java"), spec.kernelJar());
    assertThat(otherJava.writeInto(kernels)).isTrue();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("/opt/jdk-25/bin/java");
  }

  @Test
  void kernelJsonIsWrittenLikeJupyterWritesJson() {
    assertThat(spec.json())
        .startsWith("{\n \"argv\": [\n  \"/opt/jdk-21/bin/java\",\n")
        .endsWith(" }\n}\n");
  }
}
