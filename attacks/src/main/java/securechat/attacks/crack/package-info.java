/**
 * Offline attacks on stored secrets ({@code lab attack crack}, {@code lab attack des}): no server,
 * no network, only the attacker's own processors against a file of hashes or a DES ciphertext.
 * {@link securechat.attacks.crack.CrackCommand} runs one dictionary against unsalted SHA-256 (the
 * old seeds' password files) and against our Argon2id accounts file, and measures what each guess
 * costs; {@link securechat.attacks.crack.DesCommand} searches part of a DES key and projects the
 * time for all 56 bits. Both share {@link securechat.attacks.crack.SharedWork}, which spreads the
 * guesses over every core, stops at the time budget and feeds the progress bar.
 *
 * <p>The lab guide's chapter {@code 05-attacks.md} (section "Cracking") walks through both.
 */
package securechat.attacks.crack;
