/**
 * {@code lab attack mitm}: an active man in the middle between a victim client and the real server,
 * per stage. plain: reads and rewrites lines; tls: presents its own certificate, which only a
 * client run with {@code --insecure-trust-all} accepts; ecdhe: runs two separate key exchanges,
 * which only a client run with {@code --insecure-no-auth} (or one meeting the server for the first
 * time) accepts; e2e: a malicious server substitutes a user's directory key, which a client that
 * knew the old key refuses and which changes the safety number. Lab guide: {@code 05-attacks.md}.
 */
package securechat.attacks.mitm;
