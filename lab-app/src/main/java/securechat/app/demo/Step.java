package securechat.app.demo;

/** The steps of the demo in each stage, in order; {@code --step} pauses before each. */
public enum Step {
  START("the server starts and the sniffer begins to capture"),
  LOGIN("alice and bob connect and register with their passwords"),
  MESSAGE("alice says the secret to everyone: \"" + Scenario.MESSAGE + "\""),
  WHISPER("alice whispers to bob: \"" + Scenario.WHISPER + "\""),
  FILE("alice sends bob the file " + Scenario.FILE_NAME + " (\"" + Scenario.FILE_SECRET + "\")"),
  VERDICT("the capture is read back and searched for every secret");

  private final String what;

  Step(String what) {
    this.what = what;
  }

  /** What happens in this step, one sentence. */
  public String what() {
    return what;
  }
}
