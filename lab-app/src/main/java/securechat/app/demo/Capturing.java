package securechat.app.demo;

import java.nio.file.Path;
import java.util.Optional;
import securechat.sniffer.capture.BpfFilters;
import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.capture.LiveCapture;
import securechat.sniffer.capture.LiveCaptureOptions;

/**
 * Starts the sniffer for each stage, until it cannot: without capture rights the first attempt
 * fails, the reason is kept, and the demo goes on without captures rather than guessing.
 */
final class Capturing {
  private Optional<String> unavailable = Optional.empty();

  /** Captures traffic to {@code port} on loopback into {@code file}, if capturing works here. */
  Optional<LiveCapture> start(Path file, int port) {
    if (unavailable.isPresent()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LiveCapture.start(
              LiveCaptureOptions.onLoopback(BpfFilters.forPorts(port)).writingTo(file),
              segment -> {}));
    } catch (CaptureException e) {
      unavailable = Optional.of(e.getMessage());
      return Optional.empty();
    }
  }

  /** Why the demo cannot capture (libpcap's reason, with how to fix it); empty if it can. */
  Optional<String> unavailable() {
    return unavailable;
  }

  /**
   * Waits until the capture has been quiet for a moment (the last FIN and ACK are in), then stops
   * it. Bounded: at most two seconds.
   */
  static void settleAndStop(LiveCapture capture) throws CaptureException, InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    long seen = -1;
    while (System.nanoTime() < deadline) {
      long now = capture.counts().packets();
      if (now == seen) {
        break;
      }
      seen = now;
      Thread.sleep(150);
    }
    capture.stop();
  }
}
