/**
 * The secure-channel seam: {@link securechat.core.channel.ChannelSecurity} turns a socket into a
 * {@link securechat.core.channel.LineChannel} of protected lines, and {@link
 * securechat.core.channel.LineFramer} cuts bytes into lines with a hard maximum. A stage module
 * implements {@code ChannelSecurity} and nothing above it. Explained in {@code
 * lab-guide/01-plain.md}, "Layers of the chat".
 *
 * <pre>
 *  socket ─▶ ChannelSecurity.accept/connect ─▶ LineChannel (LineFramer + the stage's protection)
 *         ─▶ MessageCodec (line ⇄ Message) ─▶ CommandHandler (Message → Outbox)
 * </pre>
 */
package securechat.core.channel;
