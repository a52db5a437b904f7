package securechat.attacks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.capture.LiveCapture;
import securechat.sniffer.capture.LiveCaptureOptions;

/** Skips a test that captures on {@code lo} where this process may not, saying why. */
public final class CaptureRights {
  private CaptureRights() {}

  public static void assumeCaptureOnLoopback() {
    String why = "";
    try {
      LiveCapture.start(LiveCaptureOptions.onLoopback("tcp port 9"), segment -> {}).stop();
    } catch (CaptureException e) {
      why = e.getMessage();
    }
    assumeTrue(why.isEmpty(), "needs capture rights on lo (run as root, as CI does): " + why);
  }
}
