package securechat.attacks;

import java.io.PrintWriter;
import java.util.Objects;
import securechat.core.cli.ProgressBar;
import securechat.core.terminal.TerminalText;

/**
 * What an attack prints while it runs: what it is about to do (always before doing it), what it
 * sees, and how it ended. One instance per command; every attack prints through it, so they all
 * read alike.
 *
 * <pre>
 * about to: start a plain server on 127.0.0.1:40211 and a proxy on 127.0.0.1:40212 in front of it
 *   saw: alice → server  /register alice correct-horse-battery
 * verdict: SUCCEEDED  mitm on plain
 *   the proxy read alice's password and changed "4711" to "0000" on its way to bob
 *   why: ...
 * </pre>
 */
public final class Narrator {
  private static final int WIDTH = 96;

  private final PrintWriter out;
  private final boolean colour;

  public Narrator(PrintWriter out, boolean colour) {
    this.out = Objects.requireNonNull(out, "out");
    this.colour = colour;
  }

  /** Says what the attack does next; called before it does it. */
  public void aboutTo(String plan) {
    print(bold("about to: ") + plan);
  }

  /** Something the attack saw or did, untrusted text made safe to print. */
  public void saw(String observation) {
    print("  " + TerminalText.sanitize(observation));
  }

  /** A sentence for the reader that is neither a plan nor an observation. */
  public void note(String sentence) {
    TerminalText.wrap(sentence, WIDTH).forEach(line -> print("  " + line));
  }

  /** The verdict block: outcome, headline, evidence, figures, then the paragraph of why. */
  public void verdict(Verdict verdict) {
    String outcome = verdict.outcome().name();
    String shown = verdict.succeeded() ? red(outcome) : green(outcome);
    print(bold("verdict: ") + shown + "  " + verdict.attack() + " on " + verdict.target());
    TerminalText.wrap(verdict.headline(), WIDTH).forEach(line -> print("  " + line));
    verdict.evidence().forEach(line -> print("  seen: " + TerminalText.sanitize(line)));
    verdict.figures().forEach((name, value) -> print("  " + name + ": " + value));
    TerminalText.wrap("why: " + verdict.why(), WIDTH).forEach(line -> print("  " + line));
    out.println();
    out.flush();
  }

  /** The writer underneath, for a {@link ProgressBar}. */
  public PrintWriter out() {
    return out;
  }

  private void print(String line) {
    out.println(line);
    out.flush();
  }

  private String bold(String text) {
    return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
  }

  private String red(String text) {
    return colour ? "\u001b[1;31m" + text + "\u001b[0m" : text;
  }

  private String green(String text) {
    return colour ? "\u001b[1;32m" + text + "\u001b[0m" : text;
  }
}
