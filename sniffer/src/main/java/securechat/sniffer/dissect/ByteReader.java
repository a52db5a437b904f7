package securechat.sniffer.dissect;

import java.util.Arrays;

/**
 * A cursor over untrusted bytes that reads the big-endian integers and length-prefixed vectors of
 * RFC 8446 §3 ("Presentation Language"), and refuses to read past its end.
 */
final class ByteReader {
  private final byte[] untrustedBytes;
  private final int end;
  private int position;

  ByteReader(byte[] untrustedBytes) {
    this(untrustedBytes, 0, untrustedBytes.length);
  }

  private ByteReader(byte[] untrustedBytes, int start, int end) {
    this.untrustedBytes = untrustedBytes;
    this.position = start;
    this.end = end;
  }

  int remaining() {
    return end - position;
  }

  int u8() throws MalformedBytesException {
    need(1, "a 1-byte number");
    return untrustedBytes[position++] & 0xff;
  }

  int u16() throws MalformedBytesException {
    return (u8() << 8) | u8();
  }

  int u24() throws MalformedBytesException {
    return (u16() << 8) | u8();
  }

  byte[] bytes(int count, String what) throws MalformedBytesException {
    need(count, what);
    byte[] copy = Arrays.copyOfRange(untrustedBytes, position, position + count);
    position += count;
    return copy;
  }

  void skip(int count, String what) throws MalformedBytesException {
    need(count, what);
    position += count;
  }

  /** Reads the next {@code count} bytes as a reader of their own; this one moves past them. */
  ByteReader slice(int count, String what) throws MalformedBytesException {
    need(count, what);
    ByteReader slice = new ByteReader(untrustedBytes, position, position + count);
    position += count;
    return slice;
  }

  /** Reads a vector with a 1-byte length, as a reader of its own. */
  ByteReader vector8(String what) throws MalformedBytesException {
    return slice(u8(), what);
  }

  /** Reads a vector with a 2-byte length, as a reader of its own. */
  ByteReader vector16(String what) throws MalformedBytesException {
    return slice(u16(), what);
  }

  private void need(int count, String what) throws MalformedBytesException {
    if (count < 0 || count > end - position) {
      throw new MalformedBytesException(
          what + " needs " + count + " bytes but only " + (end - position) + " are left");
    }
  }
}
