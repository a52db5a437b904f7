/**
 * The attacker's place on the wire: a {@link securechat.attacks.wire.Relay} that a victim client
 * connects to instead of the server, and the {@link securechat.attacks.wire.ConnectionHandler}s
 * that decide what happens to the bytes in between (copy and record them, change them, add some).
 * Loopback only.
 */
package securechat.attacks.wire;
