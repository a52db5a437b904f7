package securechat.bench.compare;

import picocli.CommandLine.Command;
import securechat.bench.cli.BenchCommand;

/** Placeholder: being written (issue 11). */
@Command(name = "compare", description = "Not written yet.")
public final class CompareCommand implements Runnable {
  private final BenchCommand bench;

  public CompareCommand(BenchCommand bench) {
    this.bench = bench;
  }

  @Override
  public void run() {
    throw new IllegalStateException("not written yet " + bench);
  }
}
