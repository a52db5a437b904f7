package securechat.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import securechat.core.identity.KnownHosts;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.Limits;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.Username;

/**
 * E2e envelopes of a 100-byte whisper from alice to bob, built and checked per second, in four
 * steps from the construction alone to what each client does around it:
 *
 * <ul>
 *   <li>{@code seal}: {@link Envelope#seal} and {@link Envelope#encode}: an HPKE seal, an Ed25519
 *       signature and the text of the whisper;
 *   <li>{@code send}: {@link EnvelopeSender} on a typed {@code /whisper}: the same, plus the
 *       directory's key, the contact's counter and the line handed to the connection;
 *   <li>{@code open}: {@link Envelope#open} with alice's key from the directory: the signature
 *       check, then an HPKE open;
 *   <li>{@code receive}: {@link EnvelopeReceiver#open} on the whisper as the server delivers it:
 *       the same, plus parsing, the sender and recipient checks, the counter and the line shown.
 * </ul>
 *
 * Issue 11 asks for 4,000 private messages per second end to end; each one costs a {@code send} and
 * a {@code receive}, so these bound it from above on one core. Compare {@code seal} with {@link
 * HpkeBenchmark} plus {@link Ed25519Benchmark}: the difference is the envelope's own encoding.
 *
 * <p>No I/O is measured: contacts are {@link ContactBook#inMemory()} (a client's book on disk
 * writes a file after every counter), and the line goes to a field instead of a socket. The
 * recipient refuses a counter twice, so {@code receive} gives bob a new, empty contact book for
 * each envelope, a few objects next to the crypto. In the stage's package because the sender, the
 * receiver and the directory view are package-private, as the stage's own tests use them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  /** The client speaks only when something failed; a benchmark that failed must not go on. */
  private static final Consumer<String> FAIL_ON_WARNING =
      line -> {
        throw new IllegalStateException(line);
      };

  @Param({"AES_128_GCM", "CHACHA20_POLY1305"})
  public Hpke.Aead aead;

  @Param({"100"})
  public int messageBytes;

  private IdentityKeys alice;
  private IdentityKeys bob;
  private Payload.Whisper payload;
  private long counter;
  private EnvelopeSender aliceSends;
  private Optional<ClientMessage> typedWhisper;
  private String sentLine;
  private Envelope envelope;
  private ServerMessage.Private delivered;
  private MessageCodec codec;

  @Setup
  public void setUp() throws Exception {
    Random random = new Random(9180);
    alice = identity(random);
    bob = identity(random);
    String text = "x".repeat(messageBytes);
    payload = new Payload.Whisper(text);
    aliceSends = senderWithBobInDirectory(user(ALICE, alice, ContactBook.inMemory()));
    typedWhisper = Optional.of(new ClientMessage.Whisper(BOB, text));
    codec = new MessageCodec(Limits.DEFAULTS);
    envelope = Envelope.parse(seal());
    delivered = new ServerMessage.Private(ALICE, BOB, envelope.encode());
  }

  @Benchmark
  public String seal() {
    counter++;
    Envelope sealed =
        Envelope.seal(
            alice, ALICE, BOB, bob.publicIdentity(), counter, CLOCK.instant(), aead, payload);
    return sealed.encode();
  }

  @Benchmark
  public String send() throws IOException {
    aliceSends.sealCommand(typedWhisper);
    return sentLine;
  }

  @Benchmark
  public Payload open() throws EnvelopeException {
    return envelope.open(bob, alice.publicIdentity());
  }

  @Benchmark
  public String receive() throws EnvelopeException {
    return EnvelopeReceiver.open(
        delivered, alice.publicIdentity(), user(BOB, bob, ContactBook.inMemory()), codec);
  }

  /** Alice's sender, with bob's entry signed by a server and verified, as after {@code /key}. */
  private EnvelopeSender senderWithBobInDirectory(E2eUser me) throws Exception {
    ServerIdentity server = ServerIdentity.generate();
    DirectoryView directory =
        new DirectoryView(
            me.name(), me.keys().publicIdentity(), server.publicKey(), me.contacts(), line -> {});
    SignedKeyEntry entry = SignedKeyEntry.sign(BOB, bob.publicIdentity(), CLOCK.instant(), server);
    directory.accept(BOB, entry.encode());
    return new EnvelopeSender(me, directory, line -> sentLine = line, Set.of(ALICE, BOB));
  }

  /** A client's user; the server pin ({@link KnownHosts}) is only read when connecting. */
  private E2eUser user(Username name, IdentityKeys keys, ContactBook contacts) {
    return new E2eUser(
        name,
        keys,
        contacts,
        new KnownHosts(Path.of("never-read"), FAIL_ON_WARNING),
        "127.0.0.1:7004",
        aead,
        CLOCK,
        Limits.DEFAULTS,
        FAIL_ON_WARNING);
  }

  private static IdentityKeys identity(Random random) {
    byte[] signingSeed = new byte[32];
    byte[] encryptionKey = new byte[32];
    random.nextBytes(signingSeed);
    random.nextBytes(encryptionKey);
    return IdentityKeys.fromPrivateBytes(signingSeed, encryptionKey);
  }
}
