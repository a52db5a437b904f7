/**
 * The chat server, the same for every stage: {@link securechat.core.server.ChatServer} accepts
 * connections and gives each a reader and a writer virtual thread; {@link
 * securechat.core.server.CommandHandler} is the chat itself (a decoded command in, messages to
 * outboxes out, no sockets); a bounded outbox per connection drops a client that cannot keep up;
 * {@link securechat.core.server.AdminConsole} is the administrator's console. Lab guide: {@code
 * lab-guide/01-plain.md}, "Step 5: the administration console".
 *
 * <pre>
 *  acceptor ─▶ Connection ── reader: handshake, receive ─▶ decode ─▶ CommandHandler ─▶ Outbox(es)
 *                         └─ writer: Outbox ─▶ encode ─▶ send
 * </pre>
 */
package securechat.core.server;
