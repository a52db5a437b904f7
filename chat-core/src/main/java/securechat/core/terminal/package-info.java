/**
 * The console a person or a script talks to, and the one rule for printing what came from the
 * network: {@link securechat.core.terminal.TerminalText#sanitize} first, so that no peer can clear,
 * rewrite or retitle someone's terminal. {@link securechat.core.terminal.Consoles#open} picks a
 * {@link securechat.core.terminal.JLineConsole} (line editing, masked passwords, messages printed
 * above the line being typed) for a terminal and a {@link securechat.core.terminal.StreamConsole}
 * for pipes and scripts. Explained in {@code lab-guide/01-plain.md}, where a hostile message tries
 * to clear the screen.
 */
package securechat.core.terminal;
