/**
 * Seed 000's own wire format ({@code --insecure-compat seed000}), spoken exactly, so that our
 * programs talk to the original Python chat: unauthenticated P-384, one key for both directions, no
 * sequence numbers. Insecure on purpose; it exists to be compared and attacked. {@link
 * securechat.ecdhe.seed.InsecureSeed000Chat} holds the two programs, {@link
 * securechat.ecdhe.seed.Seed000Handshake} the handshake (with its diagram), {@link
 * securechat.ecdhe.seed.Seed000Session} the messages and {@link securechat.ecdhe.seed.SeedFraming}
 * the two framings, v1 raw and v2 length-prefixed, with our robust readers for both.
 *
 * <p>Lab guide: {@code lab-guide/03-ecdhe.md}.
 */
package securechat.ecdhe.seed;
