/**
 * {@code lab attack legacy}: the eavesdropper's attack on the seed 004 replica ({@code
 * securechat.e2e.legacy}, {@code docs/legacy-seed004.md}). A recording of its traffic, a capture
 * file or a relay's copy, is cut into frames ({@link securechat.attacks.legacy.LegacyFrames}), and
 * every package gives its DES key away: the sender's textbook RSA "signature" of the key, raised to
 * the sender's public exponent, is the key ({@link securechat.attacks.legacy.LegacyRecovery}). The
 * victims are the replica's real programs ({@link securechat.attacks.legacy.LegacyVictims}). The
 * lab guide's section "Seed 004: reading a legacy capture" walks through it.
 */
package securechat.attacks.legacy;
