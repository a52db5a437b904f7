package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DesKeyBitsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY = HEX.parseHex("133457799bbcdff1");

  @Test
  void clearingTheUnknownBitsKeepsTheKnownOnesAndEveryParityBit() {
    // 10 unknown bits: the 7 key bits of byte 7 (f1 -> 01) and the lowest 3 of byte 6 (df -> d1).
    byte[] known = DesKeyBits.withUnknownCleared(KEY, 10);

    assertThat(HEX.formatHex(known)).isEqualTo("133457799bbcd101");
  }

  @Test
  void fillingTheUnknownBitsWithTheirOwnValueGivesTheKeyBack() {
    byte[] known = DesKeyBits.withUnknownCleared(KEY, 10);
    // Key bits 0-6 are bits 7..1 of byte 7 (0xf1 -> 1111000), bits 7-9 bits 3..1 of byte 6 (0xdf).
    long value = (0xf1 >> 1 & 0x7f) | (long) (0xdf >> 1 & 0x07) << 7;
    byte[] candidate = new byte[8];

    DesKeyBits.fill(known, 10, value, candidate);

    assertThat(candidate).isEqualTo(KEY);
  }

  @Test
  void allFiftySixBitsCanBeSearched() {
    byte[] candidate = new byte[8];

    DesKeyBits.fill(new byte[8], 56, (1L << 56) - 1, candidate);

    // Every key bit set, every parity bit left as it was (zero): 0xfe in each byte.
    assertThat(HEX.formatHex(candidate)).isEqualTo("fefefefefefefefe");
  }

  @Test
  void patternShowsSevenKeyBitsPerByteAndAQuestionMarkForEachUnknownOne() {
    assertThat(DesKeyBits.pattern(KEY, 10))
        .isEqualTo("0001001 0011010 0101011 0111100 1001101 1011110 1101??? ???????");
  }
}
