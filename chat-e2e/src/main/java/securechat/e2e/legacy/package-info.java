/**
 * Seed 004 reproduced ({@code --insecure-legacy seed004}): a student's "hybrid RSA/DES end-to-end"
 * chat whose server signs each user's key, spoken exactly and insecure on purpose, so that the
 * attack lab can read every message from a capture. Each message is DES-ECB under a random key K; K
 * travels encrypted to the recipient with textbook RSA and "signed" by the sender, {@code K^d mod
 * n}, next to the sender's public key, so {@code signed_key^e mod n} gives K to anyone ({@link
 * securechat.e2e.legacy.LegacyKeyRecovery}). {@link securechat.e2e.legacy.InsecureLegacySeed004}
 * holds the two programs, {@link securechat.e2e.legacy.LegacyRsaDesCipher} the scheme, {@link
 * securechat.e2e.legacy.Seed004Message} the messages (with their diagram) and {@link
 * securechat.e2e.legacy.Seed004Framer} the frames.
 *
 * <p>The whole story, with the exact bytes of every message: {@code docs/legacy-seed004.md}.
 */
package securechat.e2e.legacy;
