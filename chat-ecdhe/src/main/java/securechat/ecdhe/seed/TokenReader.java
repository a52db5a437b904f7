package securechat.ecdhe.seed;

import java.io.IOException;

/** Cuts the bytes after seed 000's handshake into Fernet tokens, one framing per implementation. */
interface TokenReader {

  /**
   * The next token's text, unchecked: the caller decrypts it. {@code null} once the peer has closed
   * the connection and every complete token has been returned.
   *
   * @throws IOException when the stream breaks, or its framing can no longer be followed (a length
   *     over {@link SeedFraming#MAX_TOKEN_BYTES}); the session cannot go on after it
   */
  String readToken() throws IOException;
}
