package securechat.bench;

import java.util.List;

/**
 * The plain-stage conversation that the sniffer's benchmarks record as made-up captures ({@code
 * ReassemblyBenchmark} in memory, {@code lab bench compare}'s pcap file): each client logs in, then
 * the clients take turns to say a line, which the server delivers to every client; every fifth line
 * is a whisper, delivered to its two ends. Where the lines go (segments in a list, packets in a
 * file) is the {@link Wire}'s business.
 */
public final class ChatScript {
  private static final List<String> TEXTS =
      List.of(
          "Anyone up for the lab on Thursday? I have the TLS part done.",
          "did you see the password in the capture?",
          "yes, right after /login, in clear",
          "the ecdhe stage only shows Fernet tokens, same length every time",
          "ok, meet at 5");

  private ChatScript() {}

  /**
   * Where the conversation is recorded, client by client (numbered from 0).
   *
   * @param <E> what recording may throw ({@code RuntimeException} for none)
   */
  public interface Wire<E extends Exception> {
    /** The client's connection opens (the TCP handshake). */
    void open(int client) throws E;

    /** The client sends one line to the server. */
    void clientSends(int client, String line) throws E;

    /** The server sends one line to the client. */
    void serverSends(int client, String line) throws E;
  }

  /** The name client {@code number} logs in with. */
  public static String name(int number) {
    return "user" + number;
  }

  /** Client {@code number} connects and logs in; {@code number} others are online already. */
  public static <E extends Exception> void logIn(int number, Wire<E> wire) throws E {
    wire.open(number);
    wire.serverSends(number, "WELCOME plain securechat-lab: type /login NAME PASSWORD");
    wire.clientSends(number, "/login " + name(number) + " correct-horse-" + number);
    wire.serverSends(number, "OK logged in as " + name(number) + "; " + (number + 1) + " online");
  }

  /** Turn {@code turn} of the chat among {@code clients} logged-in clients: one line, delivered. */
  public static <E extends Exception> void turn(int clients, int turn, Wire<E> wire) throws E {
    int from = turn % clients;
    String text = TEXTS.get(turn % TEXTS.size());
    if (turn % 5 == 4) {
      int to = (turn + 1) % clients;
      String whisper = "WHISPER " + name(from) + " " + name(to) + " " + text;
      wire.clientSends(from, "/whisper " + name(to) + " " + text);
      wire.serverSends(from, whisper);
      wire.serverSends(to, whisper);
    } else {
      wire.clientSends(from, text);
      for (int client = 0; client < clients; client++) {
        wire.serverSends(client, "MSG " + name(from) + " " + text);
      }
    }
  }
}
