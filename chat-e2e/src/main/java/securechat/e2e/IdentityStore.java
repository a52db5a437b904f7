package securechat.e2e;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import securechat.core.account.PasswordHasher;
import securechat.core.cli.ConfigException;
import securechat.core.protocol.Username;
import securechat.core.storage.DirectoryLock;
import securechat.core.storage.LabFiles;

/**
 * Keeps each user's {@link IdentityKeys} on disk, encrypted with a key derived from the user's
 * password: {@code DATA-DIR/e2e/users/NAME/identity}, a six-line text file ({@link IdentityFile}
 * shows it) that is written owner-only and replaced atomically.
 *
 * <p>The password goes through Argon2id (RFC 9106) with a fresh 16-byte salt, which gives a 256-bit
 * key; AES-256-GCM under that key and a random 12-byte nonce encrypts the two private keys and
 * authenticates the file's other five lines with them.
 *
 * <pre>{@code
 * IdentityStore store = IdentityStore.withOwaspParameters(Path.of("lab-data"));
 * IdentityKeys alice = store.loadOrCreate(Username.parse("alice"), password, System.out::println);
 * }</pre>
 *
 * <p><b>Protects:</b> the private keys of a copied or stolen file, as long as the password is not
 * guessed: each guess costs an Argon2id run (19 MiB, 2 passes with the OWASP parameters). A change
 * to any line (the user, the public keys, the cost parameters, the sealed keys) makes unlocking
 * fail, so no one can swap in their own public key or weaken the parameters unnoticed.
 *
 * <p><b>Does not protect:</b> a weak password, which falls to guessing despite the cost; the keys
 * once unlocked, in this JVM's memory; or against someone who deletes or replaces the whole file
 * with a new identity: the user's contacts then see a changed key and safety number, which is the
 * warning.
 */
public final class IdentityStore {
  private static final int KEY_BYTES = 32; // AES-256

  private final Path dataDir;
  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final SecureRandom random = new SecureRandom();

  private IdentityStore(Path dataDir, int memoryKib, int iterations, int parallelism) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  /** The store for real identities: Argon2id with OWASP's m=19456 KiB, t=2, p=1. */
  public static IdentityStore withOwaspParameters(Path dataDir) {
    return new IdentityStore(
        dataDir,
        PasswordHasher.OWASP_MEMORY_KIB,
        PasswordHasher.OWASP_ITERATIONS,
        PasswordHasher.OWASP_PARALLELISM);
  }

  /**
   * A fast store for tests only (m=64 KiB, t=1): its files are far cheaper to attack. Any store
   * reads any file, since the parameters are read from the file.
   */
  public static IdentityStore forTests(Path dataDir) {
    return new IdentityStore(dataDir, 64, 1, 1);
  }

  /** {@code DATA-DIR/e2e/users/NAME/identity}; a {@link Username} is safe as a path element. */
  public Path file(Username user) {
    return dataDir.resolve("e2e").resolve("users").resolve(user.value()).resolve("identity");
  }

  public boolean exists(Username user) {
    return Files.exists(file(user));
  }

  /**
   * The user's identity: unlocked with {@code password} if its file exists, else created, saved and
   * announced with one line to {@code say}.
   *
   * @throws ConfigException with a sentence naming the file when the password is wrong, the file
   *     was changed, or a line of it is malformed
   */
  public IdentityKeys loadOrCreate(Username user, String password, Consumer<String> say)
      throws IOException, ConfigException {
    Objects.requireNonNull(password, "password");
    Path file = file(user);
    IdentityKeys created;
    // Under the lock, two clients of one user cannot both create, each with its own identity.
    try (DirectoryLock lock = DirectoryLock.acquire(file.getParent(), "identity.lock")) {
      if (Files.exists(file)) {
        return load(user, password, file);
      }
      created = IdentityKeys.generate(random);
      LabFiles.writePrivate(file, seal(user, created, password).text().getBytes(US_ASCII));
    }
    say.accept(
        "created the e2e identity of "
            + user
            + " "
            + created.publicIdentity().fingerprint()
            + ": "
            + file
            + " (encrypted with your password)");
    return created;
  }

  private IdentityFile seal(Username user, IdentityKeys keys, String password) {
    byte[] salt = randomBytes(IdentityFile.Kdf.SALT_BYTES);
    var kdf = new IdentityFile.Kdf(memoryKib, iterations, parallelism, salt);
    // NIST SP 800-38D §8.2.2: a random 96-bit nonce. Each save also has a fresh salt, hence a
    // fresh key, so a nonce is never used twice with one key.
    byte[] nonce = randomBytes(IdentityFile.NONCE_BYTES);
    byte[] aad = IdentityFile.associatedData(user, keys.publicIdentity(), kdf);
    byte[] signingSeed = keys.signingSeed();
    byte[] encryptionKey = keys.encryptionPrivateKey();
    byte[] plaintext = concat(signingSeed, encryptionKey);
    byte[] key = argon2id(password, kdf);
    try {
      byte[] sealed = aesGcm(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(plaintext);
      return new IdentityFile(user, keys.publicIdentity(), kdf, nonce, sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption cannot fail", e);
    } finally {
      wipe(plaintext, signingSeed, encryptionKey, key);
    }
  }

  private IdentityKeys load(Username user, String password, Path file)
      throws IOException, ConfigException {
    String cannot = "cannot unlock the e2e identity of " + user + " in " + file;
    IdentityFile stored = read(file, cannot);
    if (!stored.user().equals(user)) {
      throw new ConfigException(
          cannot + ": it is the identity of " + stored.user(), movedAwayHint(user, file));
    }
    byte[] plaintext = unseal(stored, password, cannot, user);
    byte[] signingSeed = Arrays.copyOfRange(plaintext, 0, 32);
    byte[] encryptionKey = Arrays.copyOfRange(plaintext, 32, 64);
    IdentityKeys keys = IdentityKeys.fromPrivateBytes(signingSeed, encryptionKey);
    wipe(plaintext, signingSeed, encryptionKey);
    // Bound by the tag already; checked again so that a file sealed wrongly cannot pass.
    if (!keys.publicIdentity().equals(stored.keys())) {
      throw new ConfigException(
          cannot + ": its private keys do not match its public keys", movedAwayHint(user, file));
    }
    return keys;
  }

  private static IdentityFile read(Path file, String cannot) throws IOException, ConfigException {
    try {
      return IdentityFile.parse(Files.readString(file, US_ASCII));
    } catch (CharacterCodingException e) {
      throw new ConfigException(cannot + ": it is not ASCII text", malformedHint(file));
    } catch (ParseException e) {
      throw new ConfigException(cannot + ": " + e.getMessage(), malformedHint(file));
    }
  }

  /** AES-GCM checks the tag over the header lines and the sealed keys before it decrypts. */
  private static byte[] unseal(IdentityFile stored, String password, String cannot, Username user)
      throws ConfigException {
    byte[] key = argon2id(password, stored.kdf());
    try {
      Cipher aesGcm = aesGcm(Cipher.DECRYPT_MODE, key, stored.nonce(), stored.associatedData());
      return aesGcm.doFinal(stored.sealed());
    } catch (AEADBadTagException e) {
      throw new ConfigException(
          cannot + ": wrong password, or the file was changed",
          "give the password of "
              + user
              + "'s account; if it is lost, move the file away to start a new identity"
              + " (other users will then see that "
              + user
              + "'s key changed)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES/GCM/NoPadding", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Argon2id (RFC 9106 §3.1, version 0x13) of the password, with the file's salt and costs: the
   * 32-byte AES-256 key.
   */
  private static byte[] argon2id(String password, IdentityFile.Kdf kdf) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(kdf.memoryKib())
            .withIterations(kdf.iterations())
            .withParallelism(kdf.parallelism())
            .withSalt(kdf.salt())
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] passwordBytes = password.getBytes(UTF_8);
    byte[] key = new byte[KEY_BYTES];
    generator.generateBytes(passwordBytes, key);
    Arrays.fill(passwordBytes, (byte) 0);
    return key;
  }

  /** AES-256-GCM with a 128-bit tag; the file's first five lines are the associated data. */
  private static Cipher aesGcm(int mode, byte[] key, byte[] nonce, byte[] aad)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    cipher.updateAAD(aad);
    return cipher;
  }

  private static String malformedHint(Path file) {
    return "if you edited "
        + file
        + ", undo the change; else move it away to start a new"
        + " identity (other users will then see a changed key)";
  }

  private static String movedAwayHint(Username user, Path file) {
    return "move "
        + file
        + " away to start a new identity for "
        + user
        + " (other users will then see a changed key)";
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** Overwrites copies of secrets once used: the JVM would leave them until reused. */
  private static void wipe(byte[]... secrets) {
    for (byte[] secret : secrets) {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
