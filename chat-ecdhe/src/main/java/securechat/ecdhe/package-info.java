/**
 * The ecdhe stage: a handshake of our own (ephemeral X25519 or P-384 keys, HKDF-SHA256, a server
 * signature pinned on first use, key confirmation), then every chat line as one Fernet token.
 *
 * <p>Lab guide: {@code lab-guide/03-ecdhe.md}.
 */
package securechat.ecdhe;
