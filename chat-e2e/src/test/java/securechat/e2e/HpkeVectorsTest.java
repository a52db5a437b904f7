package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.testkit.Vectors;

/**
 * RFC 9180 Appendix A, base mode of DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 with AES-128-GCM (A.1)
 * and ChaCha20Poly1305 (A.2). Our single-shot API uses sequence number 0 only, so of each vector's
 * encryptions only the first applies; the later ones test a long-lived context we do not offer.
 */
class HpkeVectorsTest {
  private static final String FILE = "vectors/rfc9180-hpke-x25519-base.json";

  static Stream<Named<JsonNode>> vectors() {
    JsonNode vectors = Vectors.load(FILE).get("vectors");
    return StreamSupport.stream(vectors.spliterator(), false)
        .map(vector -> Named.of(Vectors.text(vector, "suite"), vector));
  }

  @Test
  void theFileHoldsOneBaseModeVectorPerAead() {
    assertThat(vectors().map(Named::getPayload))
        .hasSize(2)
        .allSatisfy(vector -> assertThat(vector.get("mode").asInt()).isZero())
        .extracting(vector -> aead(vector))
        .containsExactlyInAnyOrder(Hpke.Aead.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void deriveKeyPairGivesThePublishedKeys(JsonNode vector) {
    Hpke.DerivedKeyPair ephemeral = Hpke.deriveKeyPair(Vectors.hex(vector, "ikmE"));
    Hpke.DerivedKeyPair recipient = Hpke.deriveKeyPair(Vectors.hex(vector, "ikmR"));

    assertThat(ephemeral.publicKey()).isEqualTo(Vectors.hex(vector, "pkEm"));
    assertThat(ephemeral.privateKey()).isEqualTo(Vectors.hex(vector, "skEm"));
    assertThat(recipient.publicKey()).isEqualTo(Vectors.hex(vector, "pkRm"));
    assertThat(recipient.privateKey()).isEqualTo(Vectors.hex(vector, "skRm"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void sealWithThePublishedEphemeralKeyMakesThePublishedCiphertext(JsonNode vector) {
    JsonNode first = firstEncryption(vector);

    Hpke.Sealed sealed =
        Hpke.sealWithEphemeral(
            aead(vector),
            Vectors.hex(vector, "ikmE"),
            Vectors.hex(vector, "pkRm"),
            Vectors.hex(vector, "info"),
            Vectors.hex(first, "aad"),
            Vectors.hex(first, "pt"));

    assertThat(sealed.enc()).isEqualTo(Vectors.hex(vector, "enc"));
    assertThat(sealed.ciphertext()).isEqualTo(Vectors.hex(first, "ct"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void openWithTheRecipientsKeyGivesThePublishedPlaintext(JsonNode vector) throws Exception {
    Inputs published = Inputs.of(vector);

    byte[] plaintext = published.openWith(vector);

    assertThat(plaintext).isEqualTo(Vectors.hex(firstEncryption(vector), "pt"));
  }

  static Stream<Named<Mutated>> everyMutation() {
    return vectors().flatMap(named -> mutations(named.getName(), named.getPayload()));
  }

  /** Every bit flip, every truncation and one appended byte, of each input that is checked. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyMutation")
  void openRefusesEveryMutation(Mutated mutated) {
    assertThatThrownBy(() -> mutated.inputs().openWith(mutated.vector()))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageNotContaining("null");
  }

  private static Stream<Named<Mutated>> mutations(String suite, JsonNode vector) {
    Inputs published = Inputs.of(vector);
    List<Named<Mutated>> mutations = new ArrayList<>();
    for (String field : List.of("enc", "ciphertext", "aad", "info")) {
      byte[] value = published.get(field);
      for (int bit = 0; bit < value.length * 8; bit++) {
        byte[] flipped = value.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        String name = suite + ": " + field + " bit " + bit + " flipped";
        mutations.add(Named.of(name, new Mutated(vector, published.with(field, flipped))));
      }
      for (int kept = 0; kept < value.length; kept++) {
        String name = suite + ": " + field + " cut to " + kept + " bytes";
        byte[] cut = Arrays.copyOf(value, kept);
        mutations.add(Named.of(name, new Mutated(vector, published.with(field, cut))));
      }
      String name = suite + ": " + field + " with one byte appended";
      byte[] longer = Arrays.copyOf(value, value.length + 1);
      mutations.add(Named.of(name, new Mutated(vector, published.with(field, longer))));
    }
    return mutations.stream();
  }

  private record Mutated(JsonNode vector, Inputs inputs) {}

  /** What open is given besides the key: the published values, or a mutation of one of them. */
  private record Inputs(byte[] enc, byte[] ciphertext, byte[] aad, byte[] info) {
    static Inputs of(JsonNode vector) {
      JsonNode first = firstEncryption(vector);
      return new Inputs(
          Vectors.hex(vector, "enc"),
          Vectors.hex(first, "ct"),
          Vectors.hex(first, "aad"),
          Vectors.hex(vector, "info"));
    }

    byte[] get(String field) {
      return switch (field) {
        case "enc" -> enc;
        case "ciphertext" -> ciphertext;
        case "aad" -> aad;
        case "info" -> info;
        default -> throw new IllegalArgumentException(field);
      };
    }

    Inputs with(String field, byte[] value) {
      return switch (field) {
        case "enc" -> new Inputs(value, ciphertext, aad, info);
        case "ciphertext" -> new Inputs(enc, value, aad, info);
        case "aad" -> new Inputs(enc, ciphertext, value, info);
        case "info" -> new Inputs(enc, ciphertext, aad, value);
        default -> throw new IllegalArgumentException(field);
      };
    }

    byte[] openWith(JsonNode vector) throws GeneralSecurityException {
      return Hpke.open(aead(vector), Vectors.hex(vector, "skRm"), enc, info, aad, ciphertext);
    }
  }

  private static JsonNode firstEncryption(JsonNode vector) {
    JsonNode first = vector.get("encryptions").get(0);
    assertThat(first.get("sequence_number").asText()).isEqualTo("0");
    return first;
  }

  private static Hpke.Aead aead(JsonNode vector) {
    int id = vector.get("aead_id").asInt();
    return Arrays.stream(Hpke.Aead.values())
        .filter(aead -> aead.id() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Hpke.Aead with RFC 9180 id " + id));
  }
}
