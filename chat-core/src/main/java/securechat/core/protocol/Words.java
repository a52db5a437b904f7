package securechat.core.protocol;

/** Splits a line into space-separated words, keeping the rest of the line intact. */
final class Words {
  private final String line;
  private int position;

  Words(String line) {
    this.line = line;
  }

  boolean hasMore() {
    return position < line.length() && !line.substring(position).isBlank();
  }

  String next() {
    while (position < line.length() && line.charAt(position) == ' ') {
      position++;
    }
    int end = line.indexOf(' ', position);
    end = end < 0 ? line.length() : end;
    String word = line.substring(position, end);
    position = Math.min(line.length(), end + 1);
    return word;
  }

  String required(String usage) throws ProtocolException {
    String word = next();
    if (word.isEmpty()) {
      throw new ProtocolException(ErrorCode.USAGE, usage);
    }
    return word;
  }

  /** The rest of the line exactly as sent (it may hold spaces); must not be empty. */
  String rest(String usage) throws ProtocolException {
    String rest = restOrEmpty();
    if (rest.isEmpty()) {
      throw new ProtocolException(ErrorCode.USAGE, usage);
    }
    return rest;
  }

  String restOrEmpty() {
    String rest = line.substring(position);
    position = line.length();
    return rest;
  }
}
