package securechat.sniffer.dissect;

/** Bytes that do not parse as the protocol says: cut short, or a length that does not fit. */
final class MalformedBytesException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedBytesException(String sentence) {
    super(sentence);
  }
}
