package securechat.bench.compare;

/**
 * A program a comparison runs as the peer, and how to install it when it is missing. The hints name
 * Debian/Ubuntu packages (the lab's CI image); other systems have packages of the same name.
 */
enum PeerTool {
  PYTHON("python3", "install Python 3 (apt-get install python3), then: pip install cryptography"),
  OPENSSL("openssl", "install OpenSSL 3: apt-get install openssl (macOS: brew install openssl@3)"),
  TSHARK("tshark", "install Wireshark's command line: apt-get install tshark");

  private final String program;
  private final String installHint;

  PeerTool(String program, String installHint) {
    this.program = program;
    this.installHint = installHint;
  }

  /** The executable's name, looked up on the search path. */
  String program() {
    return program;
  }

  /** One sentence: how to get it. */
  String installHint() {
    return installHint;
  }

  /** The skipped row's reason: "openssl not found on PATH; install ...". */
  String missing() {
    return program + " not found on PATH; " + installHint;
  }
}
