/**
 * Dissection: takes each reassembled {@code TcpStream} apart as its stage's protocol and says, one
 * {@link securechat.sniffer.dissect.WireMessage} at a time, what an eavesdropper learns. The plain
 * stage shows every line, passwords included; the tls stage shows the TLS handshake in clear (SNI,
 * versions, groups, cipher suites) and then only record lengths; the ecdhe stage shows its
 * handshake lines and then Fernet tokens whose content is opaque unless a key log is given. {@link
 * securechat.sniffer.dissect.SecretSearch} and {@link securechat.sniffer.dissect.Entropy} answer
 * the two questions students ask of a capture: is my password in here, and does this look random.
 *
 * <p>All bytes here are untrusted: dissectors never throw on what they read, they report it as
 * {@code MALFORMED}, and every summary is sanitised for the terminal.
 *
 * <p>Lab guide: every stage's chapter, "watch the wire".
 */
package securechat.sniffer.dissect;
