/**
 * Chat accounts: {@link securechat.core.account.AccountStore} keeps names and Argon2id password
 * hashes in the data directory's {@code accounts} file (one {@code <name> <PHC string>} line each,
 * written atomically under a cross-process lock), {@link securechat.core.account.PasswordHasher}
 * computes and checks the hashes with Bouncy Castle and OWASP's parameters, and {@link
 * securechat.core.account.PasswordPolicy} says which new passwords are accepted. Every stage shares
 * this package unchanged: what the stages change is how the password travels to the server, not how
 * it is stored. Explained in the lab guide, chapter {@code lab-guide/01-plain.md}.
 */
package securechat.core.account;
