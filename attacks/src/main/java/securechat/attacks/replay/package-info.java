/**
 * {@code lab attack replay}: the attacker on the wire keeps a copy of alice's message and sends it
 * to the server again after her next line, on the same connection. The plain stage runs it twice;
 * TLS's record numbers, the ecdhe stage's sequence numbers and the e2e stage's per-contact counters
 * refuse it, each in its own way. Uses the shared {@link securechat.attacks.wire.RecordRelay}. Lab
 * guide: {@code 05-attacks.md}, "Tamper and replay".
 */
package securechat.attacks.replay;
