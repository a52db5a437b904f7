package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import securechat.core.channel.HandshakeException;
import securechat.core.identity.ServerIdentity;
import securechat.ecdhe.HandshakeMessages.ClientHello;
import securechat.ecdhe.HandshakeMessages.Finished;
import securechat.ecdhe.HandshakeMessages.ServerHello;

/** Both sides' handshake steps in one thread, messages passed (and changed) by hand. */
class EcdheHandshakeTest {
  private final ServerIdentity identity = generateIdentity();

  private static ServerIdentity generateIdentity() {
    try {
      return ServerIdentity.generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private EcdheHandshake.Server server(Optional<ServerIdentity> signer) {
    return new EcdheHandshake.Server(List.of(Curve.values()), signer);
  }

  @ParameterizedTest
  @EnumSource(Curve.class)
  void bothSidesDeriveTheSameKeysAndTheSameFingerprint(Curve curve) throws Exception {
    EcdheHandshake.Client client = new EcdheHandshake.Client(curve);
    EcdheHandshake.Server server = server(Optional.of(identity));

    ServerHello serverHello = server.answer(client.hello());
    Finished serverFinished = server.confirm(client.answer(serverHello, true));
    SessionKeys clientKeys = client.confirm(serverFinished);

    assertThat(clientKeys.clientToServer).isEqualTo(server.keys().clientToServer);
    assertThat(clientKeys.serverToClient).isEqualTo(server.keys().serverToClient);
    assertThat(clientKeys.clientToServer).isNotEqualTo(clientKeys.serverToClient);
    assertThat(clientKeys.fingerprint()).isEqualTo(server.keys().fingerprint()).hasSize(19);
    assertThat(client.serverIdentity()).contains(identity.publicKey());
  }

  @Test
  void aServerKeySwappedInTransitBreaksTheSignature() throws Exception {
    EcdheHandshake.Client client = new EcdheHandshake.Client(Curve.X25519);
    ServerHello real = server(Optional.of(identity)).answer(client.hello());
    EphemeralKeyPair mallory = Curve.X25519.generateKeyPair(new SecureRandom());
    ServerHello swapped =
        new ServerHello(
            real.curve(), real.salt(), mallory.publicKey(), real.identity(), real.signature());

    assertThatThrownBy(() -> client.answer(swapped, true))
        .isInstanceOf(HandshakeException.class)
        .hasMessageContaining("signature over the handshake does not verify");
  }

  @Test
  void anUnsignedHelloIsRefusedUnlessTheClientIsInsecure() throws Exception {
    EcdheHandshake.Client verifying = new EcdheHandshake.Client(Curve.X25519);
    ServerHello unsigned = server(Optional.empty()).answer(verifying.hello());

    assertThatThrownBy(() -> verifying.answer(unsigned, true))
        .isInstanceOf(HandshakeException.class)
        .hasMessageContaining("did not sign the handshake");

    EcdheHandshake.Client insecure = new EcdheHandshake.Client(Curve.X25519);
    EcdheHandshake.Server server = server(Optional.empty());
    Finished finished = insecure.answer(server.answer(insecure.hello()), false);
    assertThat(insecure.confirm(server.confirm(finished)).fingerprint())
        .isEqualTo(server.keys().fingerprint());
  }

  @Test
  void aManInTheMiddleOfAnUnauthenticatedExchangeShowsInTheFingerprints() throws Exception {
    EcdheHandshake.Client alice = new EcdheHandshake.Client(Curve.X25519);
    EcdheHandshake.Server mallorysServerSide = server(Optional.empty());
    EcdheHandshake.Client mallorysClientSide = new EcdheHandshake.Client(Curve.X25519);
    EcdheHandshake.Server realServer = server(Optional.empty());

    SessionKeys aliceKeys =
        alice.confirm(
            mallorysServerSide.confirm(
                alice.answer(mallorysServerSide.answer(alice.hello()), false)));
    SessionKeys serverKeys =
        mallorysClientSide.confirm(
            realServer.confirm(
                mallorysClientSide.answer(realServer.answer(mallorysClientSide.hello()), false)));

    // Both exchanges succeed: only comparing fingerprints out of band reveals the attack.
    assertThat(aliceKeys.fingerprint()).isNotEqualTo(serverKeys.fingerprint());
  }

  @Test
  void aForgedFinishedIsRefused() throws Exception {
    EcdheHandshake.Client client = new EcdheHandshake.Client(Curve.X25519);
    EcdheHandshake.Server server = server(Optional.of(identity));
    Finished real = client.answer(server.answer(client.hello()), true);
    byte[] forged = real.mac().clone();
    forged[0] ^= 1;

    assertThatThrownBy(() -> server.confirm(new Finished(forged)))
        .isInstanceOf(HandshakeException.class)
        .hasMessageContaining("key confirmation does not match");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1})
  void aLowOrderX25519KeyIsRefused(int u) throws Exception {
    PublicKey lowOrder =
        KeyFactory.getInstance("X25519")
            .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(u)));
    EcdheHandshake.Client client = new EcdheHandshake.Client(Curve.X25519);
    ClientHello evil = new ClientHello(Curve.X25519, client.hello().nonce(), lowOrder);

    assertThatThrownBy(() -> server(Optional.of(identity)).answer(evil))
        .isInstanceOf(HandshakeException.class)
        .hasMessageStartingWith("the peer's public key is not one we accept");
  }

  @Test
  void aP384PointOffTheCurveIsRefused() throws Exception {
    ECPublicKey real = (ECPublicKey) Curve.P384.generateKeyPair(new SecureRandom()).publicKey();
    ECPoint moved =
        new ECPoint(real.getW().getAffineX(), real.getW().getAffineY().add(BigInteger.ONE));
    // The JDK's key factory builds such a key; its ECDH refuses it ("Point is not on curve").
    PublicKey offCurve =
        KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(moved, real.getParams()));
    EcdheHandshake.Client client = new EcdheHandshake.Client(Curve.P384);
    ClientHello evil = new ClientHello(Curve.P384, client.hello().nonce(), offCurve);

    assertThatThrownBy(() -> server(Optional.of(identity)).answer(evil))
        .isInstanceOf(HandshakeException.class)
        .hasMessageStartingWith("the peer's public key is not one we accept");
  }
}
