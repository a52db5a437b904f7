package securechat.grader.run;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Takes {@code System.out} and {@code System.err} away from the submission: what a test prints is
 * kept (the first few kilobytes) and reported with that test, never mixed into the runner's own
 * report lines.
 */
final class OutputCapture extends OutputStream {
  private static final int MAX_BYTES = 8 * 1024;

  private final byte[] kept = new byte[MAX_BYTES];
  private int size;
  private boolean cut;

  /** Installs a capture as both standard streams. */
  static OutputCapture install() {
    OutputCapture capture = new OutputCapture();
    PrintStream stream = new PrintStream(capture, true, StandardCharsets.UTF_8);
    System.setOut(stream);
    System.setErr(stream);
    return capture;
  }

  @Override
  public synchronized void write(int b) {
    if (size < MAX_BYTES) {
      kept[size++] = (byte) b;
    } else {
      cut = true;
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int room = Math.min(length, MAX_BYTES - size);
    System.arraycopy(bytes, offset, kept, size, room);
    size += room;
    cut |= room < length;
  }

  /** What was printed since the last call, and forgets it. */
  synchronized String take() {
    String text =
        new String(kept, 0, size, StandardCharsets.UTF_8) + (cut ? "\n[… more output cut]" : "");
    size = 0;
    cut = false;
    return text;
  }
}
