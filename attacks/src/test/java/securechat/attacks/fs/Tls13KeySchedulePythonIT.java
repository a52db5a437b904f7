package securechat.attacks.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import securechat.attacks.fs.Tls13KeySchedule.Suite;
import securechat.testkit.Python;

/**
 * RFC 8448 checks the SHA-256 suite only; the lab's TLS sessions use TLS_AES_256_GCM_SHA384. Here
 * Python's {@code hmac} and {@code cryptography} seal a record for every suite, following RFC 8446
 * §7.1 on their own, and the attacker's code must open it with the same shared secret.
 */
@Timeout(60)
class Tls13KeySchedulePythonIT {
  private static final String SEAL =
      """
      import sys, hmac, hashlib
      from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
      suite, ch, sh, shared, plaintext = [bytes.fromhex(x) if i else x for i, x in
          enumerate(sys.stdin.read().split())]
      H = {'1301': hashlib.sha256, '1302': hashlib.sha384, '1303': hashlib.sha256}[suite]
      key_len = {'1301': 16, '1302': 32, '1303': 32}[suite]
      n = H().digest_size
      def extract(salt, ikm): return hmac.new(salt, ikm, H).digest()
      def expand(prk, info, length):
          out, t, i = b'', b'', 1
          while len(out) < length:
              t = hmac.new(prk, t + info + bytes([i]), H).digest(); out += t; i += 1
          return out[:length]
      def label(secret, name, context, length):
          full = b'tls13 ' + name
          info = length.to_bytes(2, 'big') + bytes([len(full)]) + full + bytes([len(context)]) + context
          return expand(secret, info, length)
      early = extract(bytes(n), bytes(n))
      handshake = extract(label(early, b'derived', H(b'').digest(), n), shared)
      s_hs = label(handshake, b's hs traffic', H(ch + sh).digest(), n)
      key, iv = label(s_hs, b'key', b'', key_len), label(s_hs, b'iv', b'', 12)
      inner = plaintext + bytes([22])
      header = bytes([23, 3, 3]) + (len(inner) + 16).to_bytes(2, 'big')
      aead = ChaCha20Poly1305(key) if suite == '1303' else AESGCM(key)
      print((header + aead.encrypt(iv, inner, header)).hex())
      """;

  @ParameterizedTest
  @EnumSource(Suite.class)
  void aRecordPythonSealedOpensWithTheSameSharedSecret(Suite suite) throws Exception {
    Python.assumeImport("import cryptography", "Python 3 with the cryptography package");
    byte[] shared = new byte[32];
    new SecureRandom().nextBytes(shared);
    HexFormat hex = HexFormat.of();
    byte[] clientHello = Rfc8448.value("client_hello");
    byte[] serverHello = Rfc8448.value("server_hello");
    String input =
        String.join(
            " ",
            String.format("%04x", suite.code),
            hex.formatHex(clientHello),
            hex.formatHex(serverHello),
            hex.formatHex(shared),
            hex.formatHex("encrypted extensions, or so".getBytes()));

    Python.Result sealed = Python.run(SEAL, input);

    assertThat(sealed.exitCode()).as(sealed.output()).isZero();
    byte[] record = hex.parseHex(sealed.output().strip());
    byte[] secret =
        Tls13KeySchedule.serverHandshakeTrafficSecret(suite, shared, clientHello, serverHello);
    assertThat(Tls13KeySchedule.openFirstRecord(suite, secret, record))
        .hasValueSatisfying(
            inner -> assertThat(new String(inner)).isEqualTo("encrypted extensions, or so\u0016"));
  }
}
