/**
 * {@code lab attack tamper}: the attacker on the wire flips one bit of alice's message on its way
 * to the server, knowing the wire format but no key. The plain stage delivers the changed text;
 * TLS's AEAD tag, the ecdhe stage's Fernet HMAC and the e2e stage's signature refuse it. Uses the
 * shared {@link securechat.attacks.wire.RecordRelay}; {@code BitFlip} knows where in each stage's
 * record a bit lands. Lab guide: {@code 05-attacks.md}, "Tamper and replay".
 */
package securechat.attacks.tamper;
