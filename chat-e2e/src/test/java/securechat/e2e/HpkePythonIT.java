package securechat.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.testkit.Python;

/**
 * Cross-checks our HPKE with an independent one: RFC 9180's base mode written out in Python from
 * the RFC's pseudocode (§4, §4.1, §5.1, §5.2, §6.1), on the {@code cryptography} package's X25519,
 * HMAC, HKDF-Expand, AES-GCM and ChaCha20Poly1305. Messages go both ways under both AEADs. Requests
 * and answers are one JSON object each on the script's stdin and stdout, binary as base64. Skipped
 * when {@code python3} or its {@code cryptography} package is missing.
 */
@Timeout(60)
class HpkePythonIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] INFO = "securechat e2e whisper".getBytes(UTF_8);

  /** Reads the whole request before answering, so neither side blocks on a full pipe. */
  private static final String HPKE =
      """
      import base64, json, sys
      from cryptography.exceptions import InvalidTag
      from cryptography.hazmat.primitives import hashes, hmac
      from cryptography.hazmat.primitives.asymmetric.x25519 import (
          X25519PrivateKey, X25519PublicKey)
      from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
      from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand
      from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

      KEM_ID, KDF_ID = 0x0020, 0x0001            # RFC 9180 7.1, 7.2
      AEADS = {"aes128gcm": (0x0001, 16, AESGCM),  # RFC 9180 7.3: id, Nk, cipher
               "chacha20poly1305": (0x0003, 32, ChaCha20Poly1305)}

      def i2osp(n, length):
          return n.to_bytes(length, "big")

      def extract(salt, ikm):                     # RFC 5869 2.2: HMAC-Hash(salt, IKM)
          mac = hmac.HMAC(salt or bytes(32), hashes.SHA256())
          mac.update(ikm)
          return mac.finalize()

      def labeled_extract(suite_id, salt, label, ikm):   # RFC 9180 4
          return extract(salt, b"HPKE-v1" + suite_id + label + ikm)

      def labeled_expand(suite_id, prk, label, info, length):
          labeled_info = i2osp(length, 2) + b"HPKE-v1" + suite_id + label + info
          return HKDFExpand(hashes.SHA256(), length, labeled_info).derive(prk)

      def raw(public_key):
          return public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)

      def shared_secret(dh, kem_context):          # RFC 9180 4.1 ExtractAndExpand
          kem_suite = b"KEM" + i2osp(KEM_ID, 2)
          eae_prk = labeled_extract(kem_suite, b"", b"eae_prk", dh)
          return labeled_expand(kem_suite, eae_prk, b"shared_secret", kem_context, 32)

      def key_schedule(aead, secret_in, info):      # RFC 9180 5.1, mode_base, no psk
          aead_id, nk, cipher = AEADS[aead]
          suite_id = b"HPKE" + i2osp(KEM_ID, 2) + i2osp(KDF_ID, 2) + i2osp(aead_id, 2)
          psk_id_hash = labeled_extract(suite_id, b"", b"psk_id_hash", b"")
          info_hash = labeled_extract(suite_id, b"", b"info_hash", info)
          context = b"\\x00" + psk_id_hash + info_hash
          secret = labeled_extract(suite_id, secret_in, b"secret", b"")
          key = labeled_expand(suite_id, secret, b"key", context, nk)
          base_nonce = labeled_expand(suite_id, secret, b"base_nonce", context, 12)
          return cipher(key), base_nonce           # 5.2: sequence 0, so nonce = base_nonce

      def seal(aead, pk_r, info, aad, pt):         # RFC 9180 4.1 Encap, 6.1 Seal
          sk_e = X25519PrivateKey.generate()
          enc = raw(sk_e.public_key())
          dh = sk_e.exchange(X25519PublicKey.from_public_bytes(pk_r))
          cipher, nonce = key_schedule(aead, shared_secret(dh, enc + pk_r), info)
          return enc, cipher.encrypt(nonce, pt, aad)

      def open_(aead, sk_r_bytes, enc, info, aad, ct):   # RFC 9180 4.1 Decap, 6.1 Open
          sk_r = X25519PrivateKey.from_private_bytes(sk_r_bytes)
          dh = sk_r.exchange(X25519PublicKey.from_public_bytes(enc))
          secret_in = shared_secret(dh, enc + raw(sk_r.public_key()))
          cipher, nonce = key_schedule(aead, secret_in, info)
          return cipher.decrypt(nonce, ct, aad)

      b64, unb64 = (lambda b: base64.b64encode(b).decode()), base64.b64decode
      request = json.loads(sys.stdin.read())
      aead, info, aad = request["aead"], unb64(request["info"]), unb64(request["aad"])
      if request["op"] == "seal":
          enc, ct = seal(aead, unb64(request["pk"]), info, aad, unb64(request["pt"]))
          answer = {"enc": b64(enc), "ct": b64(ct)}
      else:
          try:
              pt = open_(aead, unb64(request["sk"]), unb64(request["enc"]), info, aad,
                         unb64(request["ct"]))
              answer = {"pt": b64(pt)}
          except InvalidTag:
              answer = {"error": "InvalidTag"}
      print(json.dumps(answer))
      """;

  @BeforeAll
  static void pythonWithCryptographyIsInstalled() throws Exception {
    Python.assumeImport(
        "from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305",
        "python3 with cryptography");
  }

  static Stream<Arguments> aeadsAndMessages() {
    Stream<Named<byte[]>> messages =
        Stream.of(
            Named.of("0 bytes", new byte[0]),
            Named.of("1 byte", randomBytes(1)),
            Named.of("100 KiB", randomBytes(100 * 1024)),
            Named.of("UTF-8 text", "Grüße, 你好, привет ✓ 🔐".getBytes(UTF_8)));
    return messages.flatMap(
        message -> Stream.of(Hpke.Aead.values()).map(aead -> Arguments.of(aead, message)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("aeadsAndMessages")
  void pythonOpensWhatWeSealed(Hpke.Aead aead, byte[] message) throws Exception {
    Hpke.DerivedKeyPair bob = Hpke.deriveKeyPair(randomBytes(32));
    byte[] aad = randomBytes(20);
    Hpke.Sealed sealed = Hpke.seal(aead, bob.publicKey(), INFO, aad, message);

    JsonNode answer = hpkeInPython(openRequest(aead, bob.privateKey(), sealed, aad));

    assertThat(answer.path("error").isMissingNode()).as(answer.toString()).isTrue();
    assertThat(base64(answer, "pt")).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("aeadsAndMessages")
  void weOpenWhatPythonSealed(Hpke.Aead aead, byte[] message) throws Exception {
    Hpke.DerivedKeyPair bob = Hpke.deriveKeyPair(randomBytes(32));
    byte[] aad = randomBytes(20);
    ObjectNode request = request("seal", aead, aad).put("pk", encode(bob.publicKey()));
    request.put("pt", encode(message));

    JsonNode answer = hpkeInPython(request);
    byte[] opened =
        Hpke.open(aead, bob.privateKey(), base64(answer, "enc"), INFO, aad, base64(answer, "ct"));

    assertThat(opened).isEqualTo(message);
  }

  @Test
  void pythonRefusesOurCiphertextUnderAnotherAad() throws Exception {
    Hpke.DerivedKeyPair bob = Hpke.deriveKeyPair(randomBytes(32));
    Hpke.Aead aead = Hpke.Aead.CHACHA20_POLY1305;
    Hpke.Sealed sealed =
        Hpke.seal(aead, bob.publicKey(), INFO, "to bob".getBytes(UTF_8), new byte[2]);

    JsonNode answer =
        hpkeInPython(openRequest(aead, bob.privateKey(), sealed, "to eve".getBytes(UTF_8)));

    assertThat(answer.path("error").asText()).isEqualTo("InvalidTag");
  }

  @Test
  void weRefusePythonsCiphertextUnderAnotherAead() throws Exception {
    Hpke.DerivedKeyPair bob = Hpke.deriveKeyPair(randomBytes(32));
    ObjectNode request = request("seal", Hpke.Aead.AES_128_GCM, new byte[0]);
    request.put("pk", encode(bob.publicKey())).put("pt", encode(new byte[10]));

    JsonNode answer = hpkeInPython(request);
    byte[] enc = base64(answer, "enc");
    byte[] ct = base64(answer, "ct");

    assertThatThrownBy(
            () ->
                Hpke.open(
                    Hpke.Aead.CHACHA20_POLY1305, bob.privateKey(), enc, INFO, new byte[0], ct))
        .isInstanceOf(AEADBadTagException.class);
  }

  private static ObjectNode openRequest(
      Hpke.Aead aead, byte[] privateKey, Hpke.Sealed sealed, byte[] aad) {
    ObjectNode request = request("open", aead, aad).put("sk", encode(privateKey));
    return request.put("enc", encode(sealed.enc())).put("ct", encode(sealed.ciphertext()));
  }

  private static ObjectNode request(String op, Hpke.Aead aead, byte[] aad) {
    ObjectNode request = JSON.createObjectNode().put("op", op).put("aead", aead.wireName());
    return request.put("info", encode(INFO)).put("aad", encode(aad));
  }

  private static JsonNode hpkeInPython(JsonNode request) throws Exception {
    Python.Result result = Python.run(HPKE, JSON.writeValueAsString(request));
    assertThat(result.exitCode()).as(result.output()).isZero();
    return JSON.readTree(result.output());
  }

  private static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] base64(JsonNode answer, String field) {
    return Base64.getDecoder().decode(answer.get(field).asText());
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
