package securechat.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;

/**
 * The four stages in teaching order, each with what the demo expects of it and what a class should
 * look for at each step. The texts are the demo's narration: they say what the capture shows, and
 * the verdicts then check it against the capture.
 */
public final class DemoStages {
  private DemoStages() {}

  private static final String WIRESHARK =
      "In Wireshark: capture on the loopback interface (lo), display filter tcp.port == %d;"
          + " or in another terminal: sudo ./lab sniff --port %<d";

  /** The demo's view of {@code stages} (the lab's stage list), in the same order. */
  public static List<DemoStage> of(List<Stage> stages) throws ConfigException {
    List<DemoStage> demo = new ArrayList<>();
    for (Stage stage : stages) {
      demo.add(of(stage));
    }
    return List.copyOf(demo);
  }

  private static DemoStage of(Stage stage) throws ConfigException {
    return switch (stage.name()) {
      case "plain" -> plain(stage);
      case "tls" -> tls(stage);
      case "ecdhe" -> ecdhe(stage);
      case "e2e" -> e2e(stage);
      default -> throw new ConfigException("the demo has no script for the stage " + stage.name());
    };
  }

  private static DemoStage plain(Stage stage) {
    return new DemoStage(
        stage,
        "plain",
        true,
        true,
        "tls encrypts the connection, so the wire no longer shows passwords, messages or files,"
            + " and the client checks the server's certificate before saying anything.",
        Map.of(
            Step.START,
            WIRESHARK + ". Nothing is encrypted: Follow → TCP Stream shows the chat as typed.",
            Step.LOGIN,
            "the /register lines: each user's password in clear, exactly as typed.",
            Step.MESSAGE,
            "alice's line and the server's MSG line to every user, the text as typed.",
            Step.WHISPER,
            "/whisper and WHISPER: private only by convention; the network carries it in clear.",
            Step.FILE,
            "the /file line: the whole file on one line, newlines written as \\n.",
            Step.VERDICT,
            "expected: every password, message and file is in the capture."));
  }

  private static DemoStage tls(Stage stage) {
    return new DemoStage(
        stage,
        "tls",
        false,
        true,
        "ecdhe builds the same protection from parts you can read (X25519, HKDF, Fernet) and pins"
            + " the server's key instead of trusting a CA; like tls, it leaves the server able to"
            + " read everything.",
        Map.of(
            Step.START,
            WIRESHARK + ". Wireshark labels the packets TLSv1.3.",
            Step.LOGIN,
            "the ClientHello: the server's name (SNI localhost) and the offered cipher suites are"
                + " in clear. After the ServerHello every record is Application Data: the"
                + " certificate and the /register lines are encrypted.",
            Step.MESSAGE,
            "one Application Data record per line, a few bytes longer than the text (header,"
                + " content type, 16-byte tag): the length still shows.",
            Step.WHISPER,
            "another record: a whisper looks like any other line; only size and time show.",
            Step.FILE,
            "a bigger record: the size gives away that something large went by.",
            Step.VERDICT,
            "expected: no secret on the wire; the server still decrypts and reads every line."));
  }

  private static DemoStage ecdhe(Stage stage) {
    return new DemoStage(
        stage,
        "ecdhe",
        false,
        true,
        "e2e seals every message, whisper and file to the recipient's own key, so the server that"
            + " relays them can no longer read them.",
        Map.of(
            Step.START,
            WIRESHARK + ". No TLS here: the handshake is readable text, then tokens.",
            Step.LOGIN,
            "ECDHE-HELLO and ECDHE-SERVER with the ephemeral public keys (PEM), the server's"
                + " long-term IDENTITY key and its SIGNATURE, then lines starting gAAAAA: Fernet"
                + " tokens, one per chat line.",
            Step.MESSAGE,
            "a Fernet token: version, timestamp (in clear), IV, AES-CBC ciphertext, HMAC.",
            Step.WHISPER,
            "another token; its length still follows the text's (AES-CBC pads to 16 bytes).",
            Step.FILE,
            "a long token: the file's size shows, its content does not.",
            Step.VERDICT,
            "expected: no secret on the wire; the server's key shows; the server reads all."));
  }

  private static DemoStage e2e(Stage stage) {
    return new DemoStage(
        stage,
        "tls",
        false,
        false,
        "no stage here hides who talks to whom, when and how much: the server routes by name,"
            + " and sizes and timing cross every network.",
        Map.of(
            Step.START,
            WIRESHARK + ". The transport is TLS 1.3 again.",
            Step.LOGIN,
            "the same TLS handshake as in the tls stage. Inside it (not visible here) each client"
                + " proves its identity keys and the server hands out signed KEY entries.",
            Step.MESSAGE,
            "TLS records; inside them the client sends one sealed envelope per recipient"
                + " (HPKE + Ed25519), which the server relays without being able to open.",
            Step.WHISPER,
            "one envelope, for bob only; the server sees that alice writes to bob, not what.",
            Step.FILE,
            "the file travels sealed too: the server sees an envelope, not the file's name or"
                + " content.",
            Step.VERDICT,
            "expected: no secret on the wire, and no secret in what the server reads."));
  }
}
