/**
 * The chat client, the same in every stage: {@link securechat.core.client.ChatClient} connects,
 * lets the stage's {@link securechat.core.channel.ChannelSecurity} run its handshake, then sends
 * typed lines as they are and prints what the server sends, after {@link
 * securechat.core.terminal.TerminalText#sanitize}. Everything from the server is treated as
 * hostile: lines are decoded and validated by the codec, file names are checked twice before a
 * received file is saved (never over an existing one, readable by its owner only), and text can
 * never drive the terminal. Explained in {@code lab-guide/01-plain.md}, "The client".
 */
package securechat.core.client;
