package securechat.attacks.mitm;

/** How careful the victim is: the two configurations every man-in-the-middle verdict compares. */
enum VictimSetup {
  /** A client that accepts what it should not: {@code --insecure-…}, or a first contact. */
  WEAK,
  /** A client with its defaults, that has met the real server (or contact) before. */
  STRONG;

  String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
