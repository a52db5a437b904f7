package securechat.sniffer.dissect;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import securechat.sniffer.stream.Chunk;
import securechat.sniffer.stream.TcpStream;

/**
 * The fallback dissector for a stream no stage recognises: each delivered chunk as hex and ASCII,
 * as {@code xxd} prints it, the first {@link #MAX_DUMP_LINES} lines of it.
 */
public final class RawDissector implements Dissector {
  /** How many 16-byte lines of a chunk the details show. */
  static final int MAX_DUMP_LINES = 8;

  @Override
  public String stage() {
    return "raw";
  }

  /** Recognises nothing: it is chosen only when nothing else fits. */
  @Override
  public boolean recognises(TcpStream stream) {
    return false;
  }

  @Override
  public List<WireMessage> dissect(TcpStream stream) {
    List<WireMessage> messages = new ArrayList<>();
    for (Chunk chunk : stream.chunks()) {
      byte[] bytes = chunk.bytes();
      messages.add(
          new WireMessage(
              stream.index(),
              chunk.direction(),
              chunk.offset(),
              bytes.length,
              chunk.firstFrame(),
              chunk.time(),
              "bytes",
              bytes.length
                  + " bytes, "
                  + String.format("%.1f", Entropy.bitsPerByte(bytes))
                  + " bits of entropy per byte",
              dump(bytes),
              Set.of()));
    }
    return messages;
  }

  /** Returns {@code bytes} as hex-dump lines: offset, 16 bytes in hex, the printable ASCII. */
  static List<String> dump(byte[] bytes) {
    List<String> lines = new ArrayList<>();
    for (int start = 0; start < bytes.length && lines.size() < MAX_DUMP_LINES; start += 16) {
      int end = Math.min(bytes.length, start + 16);
      StringBuilder ascii = new StringBuilder();
      for (int i = start; i < end; i++) {
        ascii.append(bytes[i] >= 0x20 && bytes[i] < 0x7f ? (char) bytes[i] : '.');
      }
      String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, start, end);
      lines.add(String.format("%08x: %-47s  %s", start, hex, ascii));
    }
    if (bytes.length > MAX_DUMP_LINES * 16) {
      lines.add("… " + (bytes.length - MAX_DUMP_LINES * 16) + " more bytes");
    }
    return lines;
  }
}
