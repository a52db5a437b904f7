package securechat.attacks.mitm;

import java.nio.file.Path;

/**
 * Where the man in the middle stands and what it holds.
 *
 * @param attackerDir the attacker's own files (its CA, its keys)
 * @param serverDataDir the real server's data folder: the lab CA's certificate, which is public;
 *     for the e2e stage's malicious operator, also the server's keys
 * @param serverPort the real server's port on 127.0.0.1
 */
record AttackerPosition(Path attackerDir, Path serverDataDir, int serverPort) {}
