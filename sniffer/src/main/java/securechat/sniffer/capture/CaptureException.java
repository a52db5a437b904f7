package securechat.sniffer.capture;

/**
 * Capture could not start or go on, for a reason the user can act on: no capture rights, no such
 * interface, libpcap not installed, a filter libpcap refuses, a file that is not a capture. The
 * message is one sentence that says what to do, meant to be printed as it is, without a stack
 * trace.
 */
public class CaptureException extends Exception {
  private static final long serialVersionUID = 1L;

  public CaptureException(String sentence) {
    super(sentence);
  }

  public CaptureException(String sentence, Throwable cause) {
    super(sentence, cause);
  }
}
