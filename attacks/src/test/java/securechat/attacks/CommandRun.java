package securechat.attacks;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/**
 * One run of an attack command through picocli, as {@code lab attack ...} runs it (the project's
 * error handler included), with what it printed.
 *
 * @param exit the exit status
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record CommandRun(int exit, String out, String err) {
  /** Runs {@code command} with {@code args}. */
  public static CommandRun of(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CliErrorHandler.configure(new CommandLine(command))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new CommandRun(exit, out.toString(), err.toString());
  }
}
