package securechat.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.protocol.Limits;
import securechat.testkit.Fault;
import securechat.testkit.FaultLink;
import securechat.testkit.FaultProxy;
import securechat.testkit.WireClient;

/**
 * What the server does when the network misbehaves, for any stage. One client, carol, reaches the
 * server through a {@link FaultProxy} that resets, trickles, holds, half-closes, repeats or cuts
 * her bytes; two bystanders, alice and bob, are connected directly. After every fault the server is
 * still up, the bystanders keep chatting and receive everything, carol's connection carries on or
 * ends as the fault allows (and her slot is freed), she can come back, and nothing reaches anyone
 * twice or altered, except in a stage that cannot tell ({@link StageUnderTest#protectsIntegrity()}:
 * the plain stage), where the test shows what got through.
 */
@Timeout(60)
public abstract class FaultContract {
  private static final Duration TRICKLE_GAP = Duration.ofNanos(100_000);
  private static final Predicate<String> FROM_CAROL = line -> line.startsWith("MSG carol");

  @TempDir Path dataDir;

  private ServerFixture fixture;
  private FaultProxy proxy;
  private final List<WireClient> clients = new ArrayList<>();
  private WireClient alice;
  private WireClient bob;

  /** The stage whose transport carol's faulty connection carries. */
  protected abstract StageUnderTest stage();

  private void start(Limits limits) throws Exception {
    fixture = new ServerFixture(stage(), dataDir, limits);
    alice = keep(fixture.register("alice"));
    bob = keep(fixture.register("bob"));
    alice.nextStartingWith("JOIN bob");
    proxy = new FaultProxy(fixture.address);
  }

  @AfterEach
  void stop() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
    for (WireClient client : clients) {
      client.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  public void resetInsideTheServersFirstFlightFreesTheSlot() throws Exception {
    start(Limits.DEFAULTS);
    proxy.startEachLinkWith(Fault.none(), Fault.resetAfter(10));
    assertThat(tryToRegister("carol")).startsWith("failed");
    assertCarolsSlotIsFreeAndBystandersChat();
    assertThat(comeBack("/register carol password-of-carol")).startsWith("OK registered");
  }

  @Test
  public void resetInsideTheClientsFirstFlightFreesTheSlot() throws Exception {
    start(Limits.DEFAULTS);
    proxy.startEachLinkWith(Fault.resetAfter(5), Fault.none());
    assertThat(tryToRegister("carol")).startsWith("failed");
    assertCarolsSlotIsFreeAndBystandersChat();
    assertThat(comeBack("/register carol password-of-carol")).startsWith("OK registered");
  }

  @Test
  public void resetInsideAMessageDeliversNoneOfIt() throws Exception {
    start(Limits.DEFAULTS);
    WireClient carol = carolThroughTheProxy();
    FaultLink link = proxy.awaitLink();
    link.toServer().arm(Fault.resetAfter(20));
    carol.send("this message is cut by a reset " + "x".repeat(200));
    assertThat(carol.nextStartingWith(WireClient.CLOSED)).isEqualTo(WireClient.CLOSED);
    assertThat(linesUntil(alice, "LEAVE carol")).noneMatch(FROM_CAROL);
    assertCarolsSlotIsFreeAndBystandersChat();
    assertThat(comeBack("/login carol password-of-carol")).startsWith("OK logged in as carol");
  }

  @Test
  public void oneByteAtATimeStillWorks() throws Exception {
    start(Limits.DEFAULTS);
    proxy.startEachLinkWith(Fault.trickle(TRICKLE_GAP), Fault.trickle(TRICKLE_GAP));
    WireClient carol = carolThroughTheProxy();
    carol.send("one byte at a time");
    assertThat(alice.nextStartingWith("MSG carol")).isEqualTo("MSG carol one byte at a time");
    bob.send("and back");
    assertThat(carol.nextStartingWith("MSG bob")).isEqualTo("MSG bob and back");
  }

  @Test
  public void longPauseInsideAMessageDelaysOnlyThatMessage() throws Exception {
    start(Limits.DEFAULTS);
    WireClient carol = carolThroughTheProxy();
    FaultLink link = proxy.awaitLink();
    link.toServer().arm(Fault.holdAfter(10));
    carol.send("held in the middle of this line");
    assertThat(link.toServer().awaitHolding()).isTrue();
    // While carol's line is stuck halfway, the others chat as usual.
    assertThat(bystandersChat("meanwhile")).noneMatch(FROM_CAROL);
    link.toServer().release();
    assertThat(alice.nextStartingWith("MSG carol"))
        .isEqualTo("MSG carol held in the middle of this line");
    assertThat(bystandersChat("after")).noneMatch(FROM_CAROL);
  }

  @Test
  public void handshakeStalledByAPauseTimesOutAndFreesItsSlot() throws Exception {
    start(
        Limits.DEFAULTS.withTimeouts(
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofHours(1)));
    proxy.startEachLinkWith(Fault.holdAfter(5), Fault.none());
    assertThat(tryToRegister("carol")).startsWith("failed");
    assertThat(proxy.awaitLink().toServer().awaitHolding()).isTrue();
    assertCarolsSlotIsFreeAndBystandersChat();
    assertThat(fixture.log).anyMatch(line -> line.matches(".*(timeout|timed out).*"));
  }

  @Test
  public void halfClosedClientHasItsLastLineDeliveredAndIsLetGo() throws Exception {
    start(Limits.DEFAULTS);
    WireClient carol = carolThroughTheProxy();
    FaultLink link = proxy.awaitLink();
    carol.send("last words");
    assertThat(alice.nextStartingWith("MSG carol")).isEqualTo("MSG carol last words");
    link.toServer().halfCloseNow();
    assertThat(linesUntil(alice, "LEAVE carol")).noneMatch(FROM_CAROL);
    assertThat(carol.nextStartingWith(WireClient.CLOSED)).isEqualTo(WireClient.CLOSED);
    assertCarolsSlotIsFreeAndBystandersChat();
  }

  @Test
  public void repeatedSegmentIsDeliveredOnceUnlessTheStageCannotTell() throws Exception {
    start(Limits.DEFAULTS);
    WireClient carol = carolThroughTheProxy();
    FaultLink link = proxy.awaitLink();
    link.toServer().arm(Fault.repeatNextSegment());
    carol.send("pay bob 100");
    assertThat(link.toServer().awaitFired()).isTrue();
    if (stage().protectsIntegrity()) {
      // The copy fails the record check: the connection ends after the original got through.
      assertThat(linesUntil(alice, "LEAVE carol"))
          .filteredOn(FROM_CAROL)
          .containsExactly("MSG carol pay bob 100");
      assertCarolsSlotIsFreeAndBystandersChat();
    } else {
      assertThat(alice.nextStartingWith("MSG carol")).isEqualTo("MSG carol pay bob 100");
      assertThat(alice.nextStartingWith("MSG carol")).isEqualTo("MSG carol pay bob 100");
      assertThat(bystandersChat("paid twice")).noneMatch(FROM_CAROL);
    }
  }

  @Test
  public void cutSegmentIsNeverDeliveredAlteredUnlessTheStageCannotTell() throws Exception {
    start(Limits.DEFAULTS);
    WireClient carol = carolThroughTheProxy();
    FaultLink link = proxy.awaitLink();
    link.toServer().arm(Fault.truncateNextSegment(12));
    carol.send("pay bob 1000000");
    assertThat(link.toServer().awaitFired()).isTrue();
    carol.send("thanks");
    if (stage().protectsIntegrity()) {
      // What is left of the record runs into the next one: neither opens, the connection ends.
      assertThat(linesUntil(alice, "LEAVE carol")).noneMatch(FROM_CAROL);
      assertCarolsSlotIsFreeAndBystandersChat();
    } else {
      assertThat(alice.nextStartingWith("MSG carol")).isEqualTo("MSG carol pay bob 1000thanks");
    }
  }

  private WireClient keep(WireClient client) {
    clients.add(client);
    return client;
  }

  /** Carol, registered through the proxy, after alice has seen her arrive. */
  private WireClient carolThroughTheProxy() throws Exception {
    WireClient carol = keep(fixture.registerThrough(proxy.address(), "carol"));
    alice.nextStartingWith("JOIN carol");
    return carol;
  }

  /**
   * Connects through the proxy and registers {@code name}: "registered", or "failed: " and what the
   * client was told, which must be one line (an error a person can read, not a stack trace).
   */
  private String tryToRegister(String name) throws InterruptedException {
    try {
      keep(fixture.registerThrough(proxy.address(), name));
      return "registered";
    } catch (IOException | AssertionError e) {
      String message = String.valueOf(e.getMessage());
      assertThat(message).as("the client's error is one line").doesNotContain("\n");
      return "failed: " + message;
    }
  }

  /** Connects directly, as carol trying again, and returns the server's answer to {@code line}. */
  private String comeBack(String line) throws Exception {
    WireClient carol = keep(fixture.connect());
    carol.send(line);
    return carol.next();
  }

  private void assertCarolsSlotIsFreeAndBystandersChat() throws Exception {
    assertThat(fixture.server.awaitConnectionsAtMost(2, WireClient.WAIT))
        .as("only alice and bob are left connected")
        .isTrue();
    assertThat(bystandersChat("still here")).noneMatch(FROM_CAROL);
  }

  /** Bob says {@code text}; returns every line alice got up to and with it. */
  private List<String> bystandersChat(String text) throws Exception {
    bob.send(text);
    return linesUntil(alice, "MSG bob " + text);
  }

  /** Lines {@code client} receives up to the first that starts with {@code prefix}, included. */
  private static List<String> linesUntil(WireClient client, String prefix) throws Exception {
    List<String> lines = new ArrayList<>();
    String line;
    do {
      line = client.next();
      lines.add(line);
    } while (!line.startsWith(prefix) && !line.equals(WireClient.CLOSED) && lines.size() < 10_000);
    assertThat(line).as("lines seen: " + lines).startsWith(prefix);
    return lines;
  }
}
