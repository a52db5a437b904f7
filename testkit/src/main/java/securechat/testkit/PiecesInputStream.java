package securechat.testkit;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/** Hands out one piece (or what is left of it) per read, as TCP segments might arrive. */
public final class PiecesInputStream extends InputStream {
  private final Queue<byte[]> pieces = new ArrayDeque<>();
  private int position;

  public PiecesInputStream(byte[]... pieces) {
    this.pieces.addAll(List.of(pieces));
  }

  /** {@code all} cut into pieces of {@code size} bytes (the last may be shorter). */
  public static PiecesInputStream cut(byte[] all, int size) {
    List<byte[]> pieces = new ArrayList<>();
    for (int start = 0; start < all.length; start += size) {
      pieces.add(Arrays.copyOfRange(all, start, Math.min(all.length, start + size)));
    }
    return new PiecesInputStream(pieces.toArray(byte[][]::new));
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    byte[] piece = pieces.peek();
    if (piece == null) {
      return -1;
    }
    int count = Math.min(len, piece.length - position);
    System.arraycopy(piece, position, b, off, count);
    position += count;
    if (position == piece.length) {
      pieces.remove();
      position = 0;
    }
    return count;
  }
}
