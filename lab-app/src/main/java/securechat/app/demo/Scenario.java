package securechat.app.demo;

import java.io.IOException;
import java.util.List;
import securechat.core.client.ScriptedPeer;

/**
 * The conversation the demo plays in every stage, and the secrets it then looks for: alice and bob
 * register with known passwords, alice says a secret to everyone, whispers to bob and sends him a
 * small file. Each secret is distinct, so each column of the table is measured on its own.
 */
public final class Scenario {
  private Scenario() {}

  public static final String ALICE = "alice";
  public static final String BOB = "bob";
  public static final String ALICE_PASSWORD = "alice-password-1234";
  public static final String BOB_PASSWORD = "bob-password-5678";

  /** What alice says to everyone. */
  public static final String MESSAGE = "the vault code is 4711";

  /** What alice whispers to bob. */
  public static final String WHISPER = "meet me at the back door at 5";

  public static final String FILE_NAME = "plan.txt";

  /** The line of the file the demo looks for (the file has two). */
  public static final String FILE_SECRET = "launch code 0000-orange-7";

  /** The file as {@code /file} sends it: on one line, each newline escaped as {@code \n}. */
  static final String FILE_ON_ONE_LINE = "step 1: " + FILE_SECRET + "\\nstep 2: tell no one\\n";

  /** The passwords, which an eavesdropper must not learn. */
  public static List<String> passwords() {
    return List.of(ALICE_PASSWORD, BOB_PASSWORD);
  }

  /** What alice writes to others: the message and the whisper. */
  public static List<String> messages() {
    return List.of(MESSAGE, WHISPER);
  }

  /**
   * Plays the conversation. {@code before} is called before each step, so that {@code --step} can
   * pause and say what to look for.
   *
   * @throws ScriptedPeer.ScriptFailure if a reply does not come or is not the expected one
   */
  static void play(ScriptedPeer alice, ScriptedPeer bob, StepListener before)
      throws IOException, InterruptedException, ScriptedPeer.ScriptFailure {
    before.step(Step.LOGIN);
    alice.expect("WELCOME");
    bob.expect("WELCOME");
    alice.send("/register " + ALICE + " " + ALICE_PASSWORD);
    alice.expect("OK");
    bob.send("/register " + BOB + " " + BOB_PASSWORD);
    bob.expect("OK");
    alice.expect("JOIN " + BOB);

    before.step(Step.MESSAGE);
    alice.send(MESSAGE);
    bob.expectContaining(MESSAGE);

    before.step(Step.WHISPER);
    alice.send("/whisper " + BOB + " " + WHISPER);
    bob.expectContaining(WHISPER);

    before.step(Step.FILE);
    alice.send("/file " + BOB + " " + FILE_NAME + " " + FILE_ON_ONE_LINE);
    bob.expect("FILE " + ALICE + " " + BOB + " " + FILE_NAME);

    bob.send("/quit");
    bob.expect("BYE");
    alice.expect("LEAVE " + BOB);
    alice.send("/quit");
    alice.expect("BYE");
  }

  /** Told before each step of the conversation. */
  @FunctionalInterface
  interface StepListener {
    void step(Step step) throws IOException;
  }
}
