/**
 * The e2e stage: end-to-end encryption above the chat. The server only routes; it cannot read.
 *
 * <p>Each user owns an identity (an Ed25519 signing key and an X25519 encryption key, kept under
 * the lab data directory, encrypted with the user's password). The server proves its own identity
 * and binds each user's identity keys to the account in a signed <b>key directory</b>. Every
 * private message, broadcast copy and file is sealed to its recipient with HPKE (RFC 9180) and
 * signed by its sender; the recipient checks the signature against the directory entry, never
 * against a key the message brings along.
 *
 * <pre>
 *   client                                   server
 *     │ ── transport handshake (TLS, or plain with --transport plain) ── │
 *     │ ◀─ E2E-HELLO 1 SERVER-KEY SERVER-NONCE ───────────────────────── │
 *     │ ── E2E-IDENTITY 1 NAME SIGN-KEY ENC-KEY CLIENT-NONCE SIG ──────▶ │ checks SIG
 *     │ ◀─ E2E-WELCOME 1 SIG(CLIENT-NONCE ...) ───────────────────────── │
 *     │ checks SIG against the pinned server key                        │
 *     │ ── /login NAME PASSWORD (as in every stage) ───────────────────▶ │
 *     │ ◀─ KEY NAME ENTRY (server-signed), JOIN NAME ─────────────────── │
 *     │ ── /whisper bob E2E1 ... (sealed to bob, signed by alice) ─────▶ │ routes unopened
 * </pre>
 *
 * <p>Lab guide: {@code lab-guide/04-e2e.md}.
 */
package securechat.e2e;
