package securechat.app.notebooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel spec {@code securechat-lab}: a folder {@code kernels/securechat-lab/} holding a {@code
 * kernel.json} that tells Jupyter how to start the notebooks' Java kernel (rapaio-jupyter-kernel).
 * Jupyter finds it through its data folder or {@code JUPYTER_PATH}; every notebook names it in its
 * metadata ({@code "kernelspec": {"name": "securechat-lab"}}).
 *
 * <pre>
 * {"argv": ["/usr/lib/jvm/jdk-21/bin/java", "--enable-native-access=ALL-UNNAMED",
 *           "-jar", "/home/ada/.local/share/jupyter/kernels/securechat-lab/rapaio-...jar",
 *           "{connection_file}"],
 *  "display_name": "Java (securechat-lab)", "language": "java", "env": {...}, ...}
 * </pre>
 *
 * <p>The {@code java} is an absolute path: the JDK 21+ that {@code ./lab} found, whatever {@code
 * java} happens to be first on the PATH of the Jupyter server. Native access is allowed because
 * notebooks capture with pcap4j, which calls libpcap through JNA (JDK 24+ warns otherwise).
 *
 * @param java the {@code java} program that runs the kernel
 * @param kernelJar the rapaio-jupyter-kernel jar it runs
 */
record KernelSpec(Path java, Path kernelJar) {
  static final String NAME = "securechat-lab";
  static final String DISPLAY_NAME = "Java (securechat-lab)";

  /** The spec for the JVM running this code: {@code java.home/bin/java}. */
  static KernelSpec forThisJava(Path kernelJar, boolean windows) {
    Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    return new KernelSpec(java, kernelJar);
  }

  /** The command Jupyter runs; it replaces {@code {connection_file}} with the file's path. */
  List<String> argv() {
    return List.of(
        java.toAbsolutePath().toString(),
        "--enable-native-access=ALL-UNNAMED",
        "-jar",
        kernelJar.toAbsolutePath().toString(),
        "{connection_file}");
  }

  /**
   * The kernel's settings, as rapaio's own installer writes them: no extra class path (notebooks
   * load the lab with {@code %jar ../lab-app/target/lib}), no init script, no time limit per cell
   * (the notebook runner sets one), Maven downloads cached in {@code mima_cache}.
   */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("RJK_CLASSPATH", "");
    env.put("RJK_COMPILER_OPTIONS", "");
    env.put("RJK_INIT_SCRIPT", "");
    env.put("RJK_TIMEOUT_MILLIS", "-1");
    env.put("RJK_MIMA_CACHE", "mima_cache");
    return env;
  }

  /** The text of {@code kernel.json}, the same bytes every time for the same spec. */
  String json() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode spec = nodes.objectNode();
    argv().forEach(spec.putArray("argv")::add);
    spec.put("display_name", DISPLAY_NAME);
    spec.put("language", "java");
    // "message": Jupyter interrupts a cell by asking the kernel, not by a signal to its process.
    spec.put("interrupt_mode", "message");
    ObjectNode env = spec.putObject("env");
    env().forEach(env::put);
    return NotebookJson.write(spec);
  }

  /**
   * Writes {@code kernels/securechat-lab/kernel.json} under {@code kernelsFolder}, unless it
   * already holds exactly this text.
   *
   * @return whether the file was written
   */
  boolean writeInto(Path kernelsFolder) throws IOException {
    Path file = kernelsFolder.resolve(NAME).resolve("kernel.json");
    byte[] text = json().getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), text)) {
      return false;
    }
    Files.createDirectories(file.getParent());
    Files.write(file, text);
    return true;
  }
}
