package securechat.attacks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import securechat.core.cli.DataDirOption;
import securechat.core.storage.LabFiles;
import securechat.core.terminal.Consoles;

/**
 * The options every {@code lab attack} command shares: where the victims keep their files, where
 * the verdicts go as JSON, colours. Mixed into each attack's command.
 */
public final class AttackOptions {
  @Mixin private DataDirOption dataDir;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the verdicts as JSON to FILE ('-': standard output)")
  private Path json;

  @Option(names = "--no-color", description = "No colours, even on a terminal")
  private boolean noColour;

  /** The lab data directory ({@code --data-dir}). */
  public Path dataDir() {
    return dataDir.dataDir();
  }

  /** A fresh folder for one attack's victims under {@code DATA-DIR/attacks/}, emptied first. */
  public Path victimsDir(String name) throws IOException {
    Path folder = dataDir().resolve("attacks").resolve(name);
    LabFiles.deleteTree(folder);
    LabFiles.createPrivateDirectory(folder);
    return folder;
  }

  /** The narrator for this run, coloured on a terminal unless {@code --no-color}. */
  public Narrator narrator(PrintWriter out) {
    return new Narrator(out, Consoles.colourWanted(noColour));
  }

  /** True when a progress bar may redraw its line: on a terminal. */
  public boolean onTerminal() {
    return Consoles.colourWanted(noColour);
  }

  /** Writes the verdicts to {@code --json}, if given; standard output is left open. */
  public void writeJson(List<Verdict> verdicts, PrintWriter out) throws IOException {
    if (json == null) {
      return;
    }
    if (json.toString().equals("-")) {
      VerdictJson.write(verdicts, out);
      out.println();
      out.flush();
      return;
    }
    try (Writer file = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
      VerdictJson.write(verdicts, file);
    }
  }
}
