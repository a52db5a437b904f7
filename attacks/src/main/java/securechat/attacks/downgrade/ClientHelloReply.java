package securechat.attacks.downgrade;

/**
 * What a server sends back first when it gets a {@link ClientHello}: its decision, readable without
 * any key. A {@link ServerHello} means it agreed to the version and suite it names; an {@link
 * Alert} or silence means it refused.
 */
sealed interface ClientHelloReply {
  /** True when the server agreed to a session: it sent a ServerHello. */
  boolean accepted();

  /** One phrase for the narrator: {@code alert fatal protocol_version(70)}. */
  String describe();

  /**
   * The server agreed (RFC 5246 §7.4.1.3).
   *
   * @param version the version it chose: {@code server_version}, or the {@code supported_versions}
   *     extension's if present (RFC 8446 §4.2.1)
   * @param cipherSuite the suite it chose, one of those offered
   * @param downgradeSentinel true when the last 8 bytes of its random say "DOWNGRD": the server
   *     speaks TLS 1.3 and tells a TLS 1.3 client that something pushed this session down (RFC 8446
   *     §4.1.3)
   */
  record ServerHello(int version, int cipherSuite, boolean downgradeSentinel)
      implements ClientHelloReply {
    @Override
    public boolean accepted() {
      return true;
    }

    @Override
    public String describe() {
      return "ServerHello: "
          + TlsNames.version(version)
          + " with "
          + CipherSuite.nameOf(cipherSuite)
          + (downgradeSentinel ? " (random ends in the DOWNGRD sentinel, RFC 8446 §4.1.3)" : "");
    }
  }

  /**
   * The server refused with an alert (RFC 5246 §7.2).
   *
   * @param level 1 warning, 2 fatal
   * @param description the AlertDescription number, e.g. 70 for protocol_version
   */
  record Alert(int level, int description) implements ClientHelloReply {
    static final int FATAL = 2;

    @Override
    public boolean accepted() {
      return false;
    }

    @Override
    public String describe() {
      String shownLevel = level == FATAL ? "fatal" : level == 1 ? "warning" : "level " + level;
      return "alert " + shownLevel + " " + TlsNames.alert(description);
    }
  }

  /** The server sent nothing: it closed or reset the connection, or stayed silent. */
  record NoAnswer(String sentence) implements ClientHelloReply {
    @Override
    public boolean accepted() {
      return false;
    }

    @Override
    public String describe() {
      return sentence;
    }
  }

  /** The server sent bytes that are no TLS answer (a plain-stage WELCOME line, garbage). */
  record NotTls(String sentence) implements ClientHelloReply {
    @Override
    public boolean accepted() {
      return false;
    }

    @Override
    public String describe() {
      return "not a TLS answer: " + sentence;
    }
  }
}
