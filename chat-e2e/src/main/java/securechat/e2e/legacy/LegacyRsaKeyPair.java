package securechat.e2e.legacy;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Random;

/**
 * A seed 004 RSA key pair: the public key and the private exponent {@code d}, made as the seed
 * makes them, from a non-cryptographic random generator.
 *
 * <p><b>Does not protect:</b> the primes come from {@link java.util.Random}, a 48-bit linear
 * congruential generator. Whoever learns or guesses its state (it is seeded from the clock, and a
 * few of its outputs reveal it) can make the same primes again. A real key comes from {@link
 * java.security.SecureRandom}.
 *
 * <p>{@link #toString} shows the public key only.
 */
public record LegacyRsaKeyPair(LegacyRsaPublicKey publicKey, BigInteger d) {
  /** The seed's key size. */
  public static final int MODULUS_BITS = 2048;

  /** The seed's public exponent, 2^16 + 1. */
  public static final BigInteger PUBLIC_EXPONENT = BigInteger.valueOf(65537);

  public LegacyRsaKeyPair {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(d, "d");
  }

  /** A 2048-bit key pair drawn from {@code insecureRandom}, as the seed draws its keys. */
  public static LegacyRsaKeyPair generate(Random insecureRandom) {
    return generate(insecureRandom, MODULUS_BITS);
  }

  /**
   * A key pair with a modulus of exactly {@code modulusBits} bits. Smaller sizes are for short
   * examples and fast tests; the programs use {@link #MODULUS_BITS}.
   */
  public static LegacyRsaKeyPair generate(Random insecureRandom, int modulusBits) {
    if (modulusBits < LegacyRsaPublicKey.MIN_MODULUS_BITS || modulusBits % 2 != 0) {
      throw new IllegalArgumentException(
          "modulusBits must be even and at least "
              + LegacyRsaPublicKey.MIN_MODULUS_BITS
              + ", not "
              + modulusBits);
    }
    while (true) {
      BigInteger p = BigInteger.probablePrime(modulusBits / 2, insecureRandom);
      BigInteger q = BigInteger.probablePrime(modulusBits / 2, insecureRandom);
      BigInteger n = p.multiply(q);
      BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
      // Two primes of b bits make a product of 2b or 2b-1 bits; e must be invertible mod phi.
      if (!p.equals(q)
          && n.bitLength() == modulusBits
          && phi.gcd(PUBLIC_EXPONENT).equals(BigInteger.ONE)) {
        BigInteger d = PUBLIC_EXPONENT.modInverse(phi);
        return new LegacyRsaKeyPair(new LegacyRsaPublicKey(n, PUBLIC_EXPONENT), d);
      }
    }
  }

  /** The public key only: {@code d} never reaches a log. */
  @Override
  public String toString() {
    return "LegacyRsaKeyPair[" + publicKey.n().bitLength() + "-bit, private exponent hidden]";
  }
}
