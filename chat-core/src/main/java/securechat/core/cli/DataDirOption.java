package securechat.core.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data-dir} option shared by every command that keeps state: accounts, downloads,
 * certificates, captures. Default {@code ./lab-data}, so that a class's files stay in the project
 * folder the student is working in.
 */
public final class DataDirOption {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "lab-data",
      description = "Lab data directory (accounts, downloads, ...). Default: ${DEFAULT-VALUE}")
  private Path dataDir;

  public Path dataDir() {
    return dataDir;
  }
}
