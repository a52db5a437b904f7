/**
 * Seed 000's own wire format ({@code --compat seed000}), spoken exactly, so that our programs talk
 * to the original Python chat: unauthenticated P-384, one key for both directions, no sequence
 * numbers. Insecure on purpose; it exists to be compared and attacked.
 *
 * <p>Lab guide: {@code lab-guide/03-ecdhe.md}.
 */
package securechat.ecdhe.seed;
