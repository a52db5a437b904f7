package securechat.sniffer.stream;

/** Which way bytes travel on a TCP connection; the client is the side that opened it. */
public enum Direction {
  CLIENT_TO_SERVER,
  SERVER_TO_CLIENT;

  /** Returns the other direction. */
  public Direction reverse() {
    return this == CLIENT_TO_SERVER ? SERVER_TO_CLIENT : CLIENT_TO_SERVER;
  }

  /** Returns a short arrow for reports: {@code C→S} or {@code S→C}. */
  public String arrow() {
    return this == CLIENT_TO_SERVER ? "C→S" : "S→C";
  }
}
