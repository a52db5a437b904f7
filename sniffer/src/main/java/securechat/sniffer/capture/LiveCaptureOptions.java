package securechat.sniffer.capture;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LiveCapture} captures and where it saves it.
 *
 * @param interfaceName the interface to capture on, {@code lo} for the lab's loopback chats
 * @param bpfFilter a capture-filter expression, e.g. from {@link BpfFilters#forPorts}; empty for
 *     every packet
 * @param writeTo a classic pcap file to save every captured packet in ({@code --write}), replaced
 *     if it exists
 */
public record LiveCaptureOptions(String interfaceName, String bpfFilter, Optional<Path> writeTo) {
  /** The loopback interface, where the lab's server and clients talk. */
  public static final String LOOPBACK = "lo";

  public LiveCaptureOptions {
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(bpfFilter, "bpfFilter");
    Objects.requireNonNull(writeTo, "writeTo");
    if (interfaceName.isBlank()) {
      throw new IllegalArgumentException("interfaceName must not be blank");
    }
  }

  /** Captures on {@code lo} what passes the filter, saving nothing. */
  public static LiveCaptureOptions onLoopback(String bpfFilter) {
    return new LiveCaptureOptions(LOOPBACK, bpfFilter, Optional.empty());
  }

  /** The same capture, on another interface. */
  public LiveCaptureOptions onInterface(String name) {
    return new LiveCaptureOptions(name, bpfFilter, writeTo);
  }

  /** The same capture, also saving every packet in a classic pcap file. */
  public LiveCaptureOptions writingTo(Path file) {
    return new LiveCaptureOptions(interfaceName, bpfFilter, Optional.of(file));
  }
}
