/**
 * Files in the lab data directory, written so that nothing leaks and nothing is lost: private files
 * and directories are created owner-only from the first moment, every file is replaced atomically
 * (a reader sees the old version or the new one, never half of one), and writers in several threads
 * or processes (a running server and {@code lab user add}, a server and a client both creating the
 * lab CA) take turns through a {@link securechat.core.storage.DirectoryLock}.
 *
 * <p>Lab guide: {@code lab-guide/01-plain.md} (accounts), {@code lab-guide/02-tls.md} (the PKI).
 */
package securechat.core.storage;
