package securechat.bench.load;

import picocli.CommandLine.Command;
import securechat.bench.cli.BenchCommand;

/** Placeholder: being written (issue 11). */
@Command(name = "load", description = "Not written yet.")
public final class LoadCommand implements Runnable {
  private final BenchCommand bench;

  public LoadCommand(BenchCommand bench) {
    this.bench = bench;
  }

  @Override
  public void run() {
    throw new IllegalStateException("not written yet " + bench);
  }
}
