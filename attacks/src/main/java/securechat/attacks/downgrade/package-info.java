/**
 * {@code lab attack downgrade}: an attacker who cannot break the protection makes the two ends
 * agree to less of it. Against the tls stage it plays a client that knows only TLS 1.2 or older and
 * weak suites, as a server would see one after a man in the middle edited its hello, and reads the
 * server's decision from its first answer ({@link securechat.attacks.downgrade.ClientHello}, built
 * byte by byte per RFC 5246 §7.4.1.2). Against the ecdhe stage it strips the server's signature
 * from the handshake with a relay in the middle.
 *
 * <pre>
 * probe (tls)                          server
 *   ClientHello TLS 1.2, weak suites ─▶
 *                                    ◀─ ServerHello (accepted) or Alert protocol_version (refused)
 * </pre>
 *
 * <p>Lab guide: {@code lab-guide/05-attacks-downgrade.md}.
 */
package securechat.attacks.downgrade;
