/**
 * {@code lab attack fs}: forward secrecy, tested the way it is defined. A real session is recorded
 * by a relay; only after it has ended are long-term keys "leaked" from where their owners keep
 * them; then real code tries to decrypt the recording with exactly those keys: textbook RSA for the
 * seed 004 replica ({@link securechat.attacks.fs.LegacyRsaLeak}), the ecdhe key derivation with a
 * key log as the control ({@link securechat.attacks.fs.EcdheLeak}), the TLS 1.3 key schedule
 * ({@link securechat.attacks.fs.Tls13KeySchedule}), and HPKE envelopes ({@link
 * securechat.attacks.fs.E2eRecipientKeyLeak}). The lab guide's section "Forward secrecy: record
 * now, steal the key later" walks through it.
 */
package securechat.attacks.fs;
