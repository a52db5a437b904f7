/**
 * The tls stage: the same chat lines, carried inside TLS 1.3 records by the JDK's own TLS (JSSE),
 * with the server's certificate checked against the lab certificate authority.
 *
 * <pre>
 *  client                                   server
 *    │ ClientHello (key share, SNI) ───────────▶ │
 *    │ ◀─────── ServerHello (key share)          │
 *    │ ◀─────── {Certificate, CertificateVerify, │  encrypted from here on
 *    │           Finished}                       │
 *    │ {Finished} ─────────────────────────────▶ │
 *    │ {chat lines} ◀──────────────────────────▶ │  application data records
 * </pre>
 *
 * <p>Lab guide: {@code lab-guide/02-tls.md}.
 */
package securechat.tls;
