package securechat.e2e.legacy;

import java.util.Random;

/** Key pairs for tests, made once from fixed seeds: every run draws the same keys. */
final class TestKeys {
  static final LegacyRsaKeyPair ALICE = LegacyRsaKeyPair.generate(new Random(1));
  static final LegacyRsaKeyPair BOB = LegacyRsaKeyPair.generate(new Random(2));
  static final LegacyRsaKeyPair MALLORY = LegacyRsaKeyPair.generate(new Random(3));
  static final LegacyRsaKeyPair SERVER = LegacyRsaKeyPair.generate(new Random(4));

  private TestKeys() {}
}
