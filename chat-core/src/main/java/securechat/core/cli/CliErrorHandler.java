package securechat.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports an exception thrown by a command as one {@code error:} line (and a {@code hint:} line
 * where we know what to do), exit status 1. The stack trace appears only with {@code --debug}.
 *
 * <p>picocli's default handler rethrows, which would end in a stack trace on the console: every
 * {@code CommandLine} in this project installs this handler instead.
 */
public final class CliErrorHandler implements IExecutionExceptionHandler {
  /** Exit status for a failure the user can fix (picocli uses 2 for a usage error). */
  public static final int EXIT_FAILURE = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println("error: " + sentenceOf(ex));
    if (ex instanceof ConfigException config) {
      config.hint().ifPresent(hint -> err.println("hint: " + hint));
    }
    if (isDebug(parseResult)) {
      ex.printStackTrace(err);
    } else if (!isExpected(ex)) {
      err.println(
          "hint: this looks like a bug in securechat-lab; run again with --debug for details");
    }
    err.flush();
    return EXIT_FAILURE;
  }

  private static String sentenceOf(Exception ex) {
    Throwable shown = ex instanceof UncheckedIOException unchecked ? unchecked.getCause() : ex;
    if (shown instanceof AccessDeniedException denied) {
      return "permission denied: "
          + denied.getFile()
          + " (made by another user? after sudo, give it back with chown)";
    }
    if (shown instanceof NoSuchFileException missing) {
      return "no such file or folder: " + missing.getFile();
    }
    String message = shown.getMessage();
    if (message == null || message.isBlank()) {
      return shown.getClass().getSimpleName();
    }
    return message;
  }

  private static boolean isExpected(Exception ex) {
    return ex instanceof ConfigException
        || ex instanceof IOException
        || ex instanceof UncheckedIOException;
  }

  private static boolean isDebug(ParseResult parseResult) {
    return parseResult != null
        && Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--debug");
  }

  /** Installs this handler, our stderr/stdout writers and the project's parser settings. */
  public static CommandLine configure(CommandLine commandLine) {
    return commandLine
        .setExecutionExceptionHandler(new CliErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setAbbreviatedOptionsAllowed(false);
  }
}
