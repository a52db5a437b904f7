package securechat.app.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import securechat.app.LabHome;

/**
 * Every main source file of every module ({@code MODULE/src/main/java/**.java}), read with its
 * comments and string literals blanked out, so a rule about code is not tripped by a sentence that
 * mentions {@code java.util.Random}.
 */
final class MainSources {
  /** A comment or a string or char literal; text blocks are rare and have no code in them. */
  private static final Pattern NOT_CODE =
      Pattern.compile(
          "//[^\\n]*|/\\*(?s:.*?)\\*/|\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'");

  private MainSources() {}

  /** A file's path from the lab's folder ({@code chat-core/src/main/java/...}) and its code. */
  record Source(String path, String code) {
    /** How many times {@code pattern} occurs in the code. */
    int count(Pattern pattern) {
      Matcher matcher = pattern.matcher(code);
      int found = 0;
      while (matcher.find()) {
        found++;
      }
      return found;
    }
  }

  static List<Source> all() throws IOException {
    Path home = LabHome.find();
    try (Stream<Path> files = Files.walk(home, 12)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> isModuleMainSource(home.relativize(file)))
          .sorted()
          .map(file -> new Source(home.relativize(file).toString(), readCode(file)))
          .toList();
    }
  }

  /** {@code MODULE/src/main/java/...}: not a copy under a data folder or a build's output. */
  private static boolean isModuleMainSource(Path relative) {
    return relative.getNameCount() > 4
        && relative.subpath(1, 4).equals(Path.of("src", "main", "java"))
        && !relative.getName(0).toString().startsWith(".");
  }

  private static String readCode(Path file) {
    try {
      return codeOf(Files.readString(file, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} with each comment turned into a space and each literal into {@code ""}. */
  static String codeOf(String text) {
    return NOT_CODE.matcher(text).replaceAll(match -> match.group().startsWith("/") ? " " : "\"\"");
  }
}
