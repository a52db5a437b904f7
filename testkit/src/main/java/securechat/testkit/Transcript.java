package securechat.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A scripted conversation from a {@code .chat} file: which client sends which line, and which line
 * each client must receive next. The same transcripts run against the command handler without
 * sockets and against a real server over loopback.
 *
 * <pre>
 * # broadcast reaches everyone, the sender too
 * alice&gt; /register alice correct-horse
 * alice&lt; OK registered and logged in as alice; 1 online
 * alice&gt; hello
 * alice&lt; MSG alice hello
 * </pre>
 *
 * <p>{@code NAME> LINE} sends LINE from client NAME (connecting it on first use); {@code NAME<
 * LINE} expects LINE to be the next line NAME receives, exactly. Lines starting with {@code #} and
 * blank lines are comments.
 */
public record Transcript(String name, List<Transcript.Step> steps) {

  /** One line of a transcript. */
  public sealed interface Step {
    String client();

    String line();

    int lineNumber();
  }

  /** {@code client> line}. */
  public record Send(String client, String line, int lineNumber) implements Step {}

  /** {@code client< line}. */
  public record Expect(String client, String line, int lineNumber) implements Step {}

  public Transcript {
    steps = List.copyOf(steps);
  }

  /** Parses transcript text; {@code name} is used in failure messages. */
  public static Transcript parse(String name, String text) {
    List<Step> steps = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      steps.add(parseStep(name, line, i + 1));
    }
    return new Transcript(name, steps);
  }

  private static Step parseStep(String name, String line, int number) {
    int send = line.indexOf("> ");
    int expect = line.indexOf("< ");
    boolean isSend = send > 0 && (expect < 0 || send < expect);
    int at = isSend ? send : expect;
    if (at <= 0) {
      throw new IllegalArgumentException(
          name + ":" + number + ": expected 'NAME> LINE' or 'NAME< LINE', got: " + line);
    }
    String client = line.substring(0, at);
    String rest = line.substring(at + 2);
    return isSend ? new Send(client, rest, number) : new Expect(client, rest, number);
  }

  /** Every {@code .chat} file in a classpath folder, sorted by name. */
  public static List<Transcript> loadAll(String folder) {
    URL url = Transcript.class.getResource("/" + folder);
    if (url == null) {
      throw new IllegalArgumentException("no classpath folder /" + folder);
    }
    try {
      if (url.getProtocol().equals("jar")) {
        // Inside testkit's jar (a reactor build): read the folder through a zip file system.
        try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of())) {
          return loadFrom(jar.getPath("/" + folder));
        }
      }
      return loadFrom(Path.of(url.toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Transcript> loadFrom(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(path -> path.toString().endsWith(".chat"))
          .sorted()
          .map(Transcript::load)
          .toList();
    }
  }

  private static Transcript load(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String label = file.getParent().getFileName() + "/" + file.getFileName();
      return parse(label, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The clients in the order they first appear. */
  public List<String> clients() {
    return steps.stream().map(Step::client).distinct().toList();
  }

  @Override
  public String toString() {
    return name;
  }
}
