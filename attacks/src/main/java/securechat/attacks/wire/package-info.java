/**
 * The attacker's place on the wire: a {@link securechat.attacks.wire.Relay} that a victim client
 * connects to instead of the server, and the {@link securechat.attacks.wire.ConnectionHandler}s
 * that decide what happens to the bytes in between (copy and record them, change them, add some).
 * {@link securechat.attacks.wire.RecordRelay} is the attacker who knows the wire format but holds
 * no key: it cuts the client's bytes into lines or TLS records ({@link
 * securechat.attacks.wire.RecordFraming}), and a {@link securechat.attacks.wire.RecordEditor}
 * changes or repeats the one a {@link securechat.attacks.wire.RecordPicker} points at (the tamper
 * and replay attacks). Loopback only.
 */
package securechat.attacks.wire;
