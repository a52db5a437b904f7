/**
 * The plain stage: the chat with no protection at all, the "before" picture. One class, {@link
 * securechat.plain.PlainSecurity}, because there is no handshake and nothing to seal: everything
 * else is {@code chat-core}. Lab guide: {@code lab-guide/01-plain.md}.
 *
 * <pre>
 *  client                               server
 *    │ ── TCP connect ───────────────────▶ │
 *    │ ◀──────── WELCOME plain ... \n ──── │
 *    │ ── /login alice PASSWORD\n ───────▶ │   the password, readable by anyone on the path
 *    │ ◀──────── OK logged in as alice ── │
 *    │ ── hello everyone\n ──────────────▶ │
 *    │ ◀──────── MSG alice hello everyone │
 * </pre>
 */
package securechat.plain;
