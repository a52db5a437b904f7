package securechat.attacks.crack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import securechat.core.cli.ConfigException;

/**
 * The guesses of a dictionary attack, most likely first: one word a line, blank lines skipped, in
 * the file's order.
 *
 * <p>The shipped list is the 4,000 most common passwords of zxcvbn's list (MIT), most common first,
 * from Mark Burnett's public 10-million-password corpus; see {@code SOURCES.md} next to it. A
 * student's own list is read as UTF-8; bytes that are not UTF-8 become U+FFFD, so such a line is
 * kept but can never match.
 *
 * @param name where the words came from, for messages: {@code the shipped list}, a file name
 * @param words the guesses in order
 */
record WordList(String name, List<String> words) {
  /** More than this is refused: the list is held in memory. */
  static final int MAX_WORDS = 5_000_000;

  private static final String SHIPPED = "/securechat/attacks/crack/wordlist.txt";

  WordList {
    words = List.copyOf(words);
  }

  /** zxcvbn's most common passwords, as committed under {@code resources}. */
  static WordList shipped() {
    try (InputStream in = WordList.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException(SHIPPED + " is missing from the attacks jar");
      }
      return new WordList("the 4,000 most common passwords (zxcvbn)", readWords(in, SHIPPED));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ConfigException e) {
      throw new IllegalStateException("the shipped list is broken: " + e.getMessage(), e);
    }
  }

  /**
   * A list from the user's file.
   *
   * @throws ConfigException if the file is missing, unreadable, empty or too long
   */
  static WordList read(Path file) throws ConfigException {
    try (InputStream in = Files.newInputStream(file)) {
      List<String> words = readWords(in, file.toString());
      if (words.isEmpty()) {
        throw new ConfigException("the word list " + file + " has no words");
      }
      return new WordList(file.toString(), words);
    } catch (NoSuchFileException e) {
      throw new ConfigException("no word list at " + file);
    } catch (IOException e) {
      throw new ConfigException("cannot read the word list " + file + ": " + e.getMessage());
    }
  }

  int size() {
    return words.size();
  }

  /** The word at {@code index}, 0 being the most likely. */
  String word(int index) {
    return words.get(index);
  }

  private static List<String> readWords(InputStream in, String name)
      throws IOException, ConfigException {
    // InputStreamReader replaces malformed UTF-8 with U+FFFD rather than failing.
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8));
    List<String> words = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (!line.isEmpty()) {
        words.add(line);
      }
      if (words.size() > MAX_WORDS) {
        throw new ConfigException(
            "the word list " + name + " has more than " + MAX_WORDS + " words; this is the limit");
      }
    }
    return words;
  }
}
