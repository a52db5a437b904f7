package securechat.sniffer.capture;

import static securechat.core.protocol.ProtocolException.quote;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns libpcap's and JNA's error texts into {@link CaptureException}s whose one sentence says what
 * to do. Kept apart from the native calls so that tests can feed it the texts libpcap really
 * writes, without needing a second user or a missing library.
 */
final class LibpcapErrors {
  /** The command in DEVELOPERS.md, section "pcap4j and libpcap". */
  static final String GRANT_COMMAND =
      "sudo setcap cap_net_raw,cap_net_admin=eip \"$(readlink -f \"$(./lab java-home)/bin/java\")\"";

  static final String LIBRARY_PROPERTY = "org.pcap4j.core.pcapLibName";

  private LibpcapErrors() {}

  /**
   * Whether libpcap refused for lack of rights. Its texts on Linux: "lo: You don't have permission
   * to perform this capture on that device (socket: Operation not permitted)" from pcap_open_live,
   * "socket: Operation not permitted" from pcap_activate, and "Attempt to create packet socket
   * failed - CAP_NET_RAW may be required".
   */
  static boolean isPermissionDenied(String libpcapMessage) {
    String message = libpcapMessage.toLowerCase(Locale.ROOT);
    return message.contains("permission")
        || message.contains("operation not permitted")
        || message.contains("cap_net_raw");
  }

  /** The sentence for a live capture that libpcap would not open. */
  static CaptureException cannotCapture(String interfaceName, String libpcapMessage) {
    if (isPermissionDenied(libpcapMessage)) {
      return noCaptureRights(interfaceName);
    }
    return new CaptureException(
        "cannot capture on " + quote(interfaceName) + ": " + withoutPrefix(libpcapMessage));
  }

  static CaptureException noCaptureRights(String interfaceName) {
    return new CaptureException(
        "capturing on "
            + quote(interfaceName)
            + " needs capture rights: run as root, or grant them to this JDK's java with "
            + GRANT_COMMAND
            + " (see DEVELOPERS.md, \"pcap4j and libpcap\")");
  }

  static CaptureException noSuchInterface(String interfaceName, List<String> interfacesSeen) {
    return new CaptureException(
        "there is no interface "
            + quote(interfaceName)
            + "; libpcap sees "
            + (interfacesSeen.isEmpty() ? "none" : String.join(", ", interfacesSeen)));
  }

  static CaptureException filterRefused(String filter, String libpcapMessage) {
    return new CaptureException(
        "libpcap refuses the filter " + quote(filter) + ": " + withoutPrefix(libpcapMessage));
  }

  /** The sentence for a file libpcap would not open or could not read to its end. */
  static CaptureException unreadableFile(Path file, String libpcapMessage) {
    String reason = withoutPrefix(libpcapMessage, file.toString());
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("unknown file format") || lower.contains("bad dump file format")) {
      return new CaptureException(
          quoteFile(file) + " is not a capture file libpcap can read (pcap or pcapng)");
    }
    return new CaptureException("cannot read capture file " + quoteFile(file) + ": " + reason);
  }

  static CaptureException unwritableFile(Path file, String libpcapMessage) {
    return new CaptureException(
        "cannot write capture file "
            + quoteFile(file)
            + ": "
            + withoutPrefix(libpcapMessage, file.toString()));
  }

  /**
   * The sentence for a failure to load the native code. pcap4j loads {@code libpcap.so} through
   * JNA; the first call fails with an {@link UnsatisfiedLinkError}, every later one with a {@link
   * NoClassDefFoundError} whose cause carries the first message.
   */
  static CaptureException nativeCodeMissing(LinkageError error) {
    String detail = firstLine(deepestMessage(error));
    if (detail.contains("jnidispatch") || detail.contains("com.sun.jna.Native")) {
      return new CaptureException(
          "JNA, which pcap4j uses to call libpcap, could not load its own native part: " + detail,
          error);
    }
    return new CaptureException(
        "libpcap could not be loaded ("
            + detail
            + "): install libpcap0.8-dev, which provides libpcap.so, or name the library with -D"
            + LIBRARY_PROPERTY
            + "=/usr/lib/x86_64-linux-gnu/libpcap.so.0.8",
        error);
  }

  /** The message nearest the root cause: the first failure, not "Could not initialize class". */
  private static String deepestMessage(Throwable error) {
    String message = String.valueOf(error.getMessage());
    for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message.replace("Exception java.lang.UnsatisfiedLinkError: ", "");
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("").strip();
    return line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
  }

  /**
   * A file name in full, since the user needs all of it to find the file; only control characters
   * are replaced.
   */
  private static String quoteFile(Path file) {
    return "'" + file.toString().replaceAll("\\p{Cntrl}", "?") + "'";
  }

  /**
   * libpcap's own words: pcap4j puts "Error occurred: " or "Error occurred in pcap_compile: "
   * before them.
   */
  private static String withoutPrefix(String libpcapMessage) {
    return libpcapMessage.replaceFirst("^Error occurred( in \\w+)?: ", "");
  }

  /** libpcap starts a file's errors with the file's name, which the sentence already quotes. */
  private static String withoutPrefix(String libpcapMessage, String fileName) {
    String words = withoutPrefix(libpcapMessage);
    String prefix = fileName + ": ";
    return words.startsWith(prefix) ? words.substring(prefix.length()) : words;
  }
}
