/**
 * The {@code lab server}, {@code lab client} and {@code lab user} commands (picocli), which take
 * the list of {@link securechat.core.cli.Stage}s from the application, and {@link
 * securechat.core.cli.CliErrorHandler}, which turns every failure a user can cause into one {@code
 * error:} line (and a {@code hint:}), never a stack trace. Lab guide: {@code
 * lab-guide/00-setup.md}.
 */
package securechat.core.cli;
