package securechat.attacks.legacy;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed captures under {@code src/test/resources/captures/} (see its README.md). */
final class Fixtures {
  /** The replica's server and alice and bob, captured on lo. */
  static final String SEED004 = "seed004-alice-bob.pcap";

  /** One session of the plain stage: no seed 004 in it. */
  static final String PLAIN_STAGE = "stage-plain.pcap";

  private Fixtures() {}

  static Path capture(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/captures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
