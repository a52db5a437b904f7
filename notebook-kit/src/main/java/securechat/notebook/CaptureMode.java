package securechat.notebook;

/** How a {@link LabRun} sees the traffic between its clients and its server. */
public enum CaptureMode {
  /**
   * Capture live on the loopback interface with libpcap, as {@code lab sniff} does, when this
   * process may (root, or a java with capture rights); otherwise record through a relay.
   */
  LIVE_OR_RELAY,
  /**
   * Always record through a relay: the clients connect to a loopback relay that copies every byte
   * to the server and back. Needs no rights, but gives no pcap file for Wireshark.
   */
  RELAY
}
