package securechat.ecdhe;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import securechat.core.identity.ServerIdentity;

/**
 * Complete ecdhe handshakes per second, both sides' steps in one thread with no network: the
 * client's hello, the server's signed answer, the client's answer and both key confirmations (fresh
 * key pairs, two key agreements, a signature and its check, HKDF). Issue 11's target is 2,000
 * handshakes per second over loopback; this is the crypto part of that budget. In the stage's
 * package because the steps are package-private, as the handshake's tests use them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EcdheHandshakeBenchmark {
  @Param({"x25519", "p384"})
  public String curve;

  private Curve chosen;
  private ServerIdentity identity;

  @Setup
  public void setUp() throws java.security.GeneralSecurityException {
    chosen = Curve.find(curve);
    identity = ServerIdentity.generate();
  }

  @Benchmark
  public Object handshake() throws Exception {
    EcdheHandshake.Client client = new EcdheHandshake.Client(chosen);
    EcdheHandshake.Server server =
        new EcdheHandshake.Server(List.of(Curve.values()), Optional.of(identity));
    return client.confirm(server.confirm(client.answer(server.answer(client.hello()), true)));
  }
}
