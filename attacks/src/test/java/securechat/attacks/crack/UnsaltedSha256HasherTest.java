package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnsaltedSha256HasherTest {
  private final UnsaltedSha256Hasher hasher = new UnsaltedSha256Hasher();

  // FIPS 180-2, Appendix B.1 and B.2: SHA-256 of "abc" and of the 448-bit message.
  @Test
  void hashesAbcToThePublishedDigest() {
    assertThat(hasher.hashHex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void hashesTheTwoBlockMessageToThePublishedDigest() {
    assertThat(hasher.hashHex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  @Test
  void samePasswordAlwaysGivesTheSameHashBecauseThereIsNoSalt() {
    assertThat(hasher.hashHex("password1"))
        .isEqualTo(new UnsaltedSha256Hasher().hashHex("password1"));
  }

  @Test
  void hashesTheUtf8BytesOfThePassword() {
    // "é" is c3 a9 in UTF-8: hashlib.sha256("é".encode("utf-8")).hexdigest() in Python.
    assertThat(hasher.hashHex("\u00e9"))
        .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  }
}
