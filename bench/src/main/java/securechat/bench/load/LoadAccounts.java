package securechat.bench.load;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import securechat.core.cli.ConfigException;
import securechat.core.protocol.Username;
import securechat.core.storage.LabFiles;
import securechat.e2e.IdentityStore;

/**
 * Creates the accounts of a load run in the server's fresh data folder before the server starts,
 * with <em>cheap</em> Argon2id parameters: {@value #MEMORY_KIB} KiB, {@value #ITERATIONS} pass.
 *
 * <p>Why: a real account costs the server an Argon2id run with OWASP's parameters (19 MiB, 2
 * passes, tens of milliseconds) at every login, on purpose. Ten thousand such logins would measure
 * Argon2, not the chat server. A PHC string carries its own parameters ({@code
 * $argon2id$v=19$m=64,t=1,p=1$salt$hash}), and the server verifies with what is stored, so these
 * accounts log in through the real code path, only faster. The report says so.
 *
 * <p>For the e2e stage each user also needs identity keys, which the client unlocks with the
 * password before connecting; they are made the same way, with {@link IdentityStore#forTests}'s
 * cheap parameters, in the folder the clients read them from.
 */
final class LoadAccounts {
  static final int MEMORY_KIB = 64;
  static final int ITERATIONS = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private LoadAccounts() {}

  /** What the report says about how the accounts were made. */
  static String description() {
    return "Argon2id m=" + MEMORY_KIB + " KiB, t=" + ITERATIONS + ", p=1";
  }

  /** Writes {@code DATA-DIR/accounts} with one cheap account per client, hashed in parallel. */
  static void writeAccounts(Path dataDir, LoadNames names, int clients) throws IOException {
    StringBuilder file = new StringBuilder("# lab bench load: cheap Argon2id accounts\n");
    IntStream.range(0, clients)
        .parallel()
        .mapToObj(i -> names.of(i) + " " + phc(names.passwordOf(i)) + "\n")
        .sorted()
        .forEachOrdered(file::append);
    LabFiles.writePrivate(dataDir.resolve("accounts"), file.toString().getBytes(UTF_8));
  }

  /**
   * Creates each client's e2e identity keys in {@code clientDataDir}, encrypted with its password
   * under the cheap parameters the file then records.
   */
  static void writeE2eIdentities(Path clientDataDir, LoadNames names, int clients)
      throws IOException, ConfigException {
    IdentityStore store = IdentityStore.forTests(clientDataDir);
    try {
      IntStream.range(0, clients).parallel().forEach(i -> createIdentity(store, names, i));
    } catch (IdentityFailure e) {
      throw new ConfigException("cannot create the e2e identities: " + e.getMessage());
    }
  }

  private static void createIdentity(IdentityStore store, LoadNames names, int index) {
    try {
      store.loadOrCreate(new Username(names.of(index)), names.passwordOf(index), line -> {});
    } catch (IOException | ConfigException e) {
      throw new IdentityFailure(e.getMessage());
    }
  }

  /** A PHC string for {@code password}: Argon2id from Bouncy Castle, a fresh random salt. */
  static String phc(String password) {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(MEMORY_KIB)
            .withIterations(ITERATIONS)
            .withParallelism(1)
            .withSalt(salt)
            .build());
    byte[] hash = new byte[HASH_BYTES];
    generator.generateBytes(password.getBytes(UTF_8), hash);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p=1$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /** Carries a failure out of the parallel stream. */
  private static final class IdentityFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IdentityFailure(String message) {
      super(message);
    }
  }
}
