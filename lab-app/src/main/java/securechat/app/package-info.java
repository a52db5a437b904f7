/**
 * The {@code lab} command: {@link securechat.app.Lab} lists every subcommand and {@code Stages}
 * every stage, in one place; nothing depends on this package. Lab guide: {@code
 * lab-guide/00-setup.md}.
 */
package securechat.app;
