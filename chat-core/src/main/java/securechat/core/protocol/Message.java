package securechat.core.protocol;

/**
 * One line of the chat protocol, decoded: either a {@link ClientMessage} (a command a client sends)
 * or a {@link ServerMessage} (what the server sends back or delivers).
 *
 * <p>Both are sealed interfaces of records, so every {@code switch} over them is exhaustive and the
 * compiler names any command that a handler forgot. {@link MessageCodec} turns lines into messages
 * and back; {@code docs/protocol.md} is the normative description of every line.
 */
public sealed interface Message permits ClientMessage, ServerMessage {}
