package securechat.sniffer.stream;

import java.util.Arrays;
import java.util.Comparator;
import securechat.sniffer.capture.Endpoint;

/** A TCP connection's 4-tuple, the same whichever way a segment travels. */
record ConnectionKey(Endpoint low, Endpoint high) {
  /** Any fixed order will do: it only decides which end is {@code low}, so both ways meet. */
  private static final Comparator<Endpoint> ORDER =
      Comparator.comparing((Endpoint endpoint) -> endpoint.address().getAddress(), Arrays::compare)
          .thenComparingInt(Endpoint::port);

  static ConnectionKey of(Endpoint source, Endpoint destination) {
    return ORDER.compare(source, destination) <= 0
        ? new ConnectionKey(source, destination)
        : new ConnectionKey(destination, source);
  }
}
