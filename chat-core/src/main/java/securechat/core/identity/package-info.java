/**
 * Long-term server identities and the client's pins of them: what the ecdhe and e2e stages use
 * where the tls stage uses certificates. A server signs with its {@link
 * securechat.core.identity.ServerIdentity}; a client pins the public key on first use in {@link
 * securechat.core.identity.KnownHosts} and refuses a changed one, as SSH does.
 *
 * <p>Lab guide: {@code lab-guide/03-ecdhe.md} (pinning) and {@code lab-guide/04-e2e.md}.
 */
package securechat.core.identity;
