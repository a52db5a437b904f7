/**
 * The lab public-key infrastructure: a certificate authority of our own, made with Bouncy Castle,
 * that signs the certificates of lab servers (and of clients, for mutual TLS). Its files live in
 * {@code DATA-DIR/pki/}, in PEM for openssl and Wireshark and in PKCS12 for Java tools.
 *
 * <p>Lab guide: {@code lab-guide/02-tls.md}.
 */
package securechat.tls.pki;
