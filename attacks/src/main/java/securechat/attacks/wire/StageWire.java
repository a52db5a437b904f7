package securechat.attacks.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import securechat.core.cli.ConfigException;
import securechat.core.cli.Stage;

/**
 * A stage as the record attacks (tamper, replay) meet it: its {@link WireFormat}, and the options
 * its server and clients run with so that the format is the one on the wire.
 *
 * @param stage the stage, as {@code lab server --stage} knows it
 * @param format how its records look on the wire
 * @param options the options both the server and the clients take ({@code --transport plain} for
 *     e2e, so that the envelopes themselves are on the wire); empty: the defaults
 */
public record StageWire(Stage stage, WireFormat format, List<String> options) {
  public StageWire {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(format, "format");
    options = List.copyOf(options);
  }

  /**
   * What an attacker knows of {@code stage}'s wire.
   *
   * @throws ConfigException for a stage whose wire format the record attacks do not know
   */
  public static StageWire of(Stage stage) throws ConfigException {
    return switch (stage.name()) {
      case "plain" -> new StageWire(stage, WireFormat.PLAIN_LINES, List.of());
      case "tls" -> new StageWire(stage, WireFormat.TLS_RECORDS, List.of());
      case "ecdhe" -> new StageWire(stage, WireFormat.FERNET_TOKENS, List.of());
      case "e2e" ->
          new StageWire(stage, WireFormat.ENVELOPE_LINES, List.of("--transport", "plain"));
      default ->
          throw new ConfigException(
              "the record attacks do not know the wire format of the stage '" + stage.name() + "'",
              "attack one of the stages plain, tls, ecdhe and e2e");
    };
  }

  /**
   * The stages an attack's {@code --stage} option names: {@code name}, or every one of {@code
   * stages} in order when it is null.
   *
   * @throws ConfigException for an unknown stage, or one whose wire format is not known here
   */
  public static List<StageWire> chosen(List<Stage> stages, String name) throws ConfigException {
    List<Stage> chosen = name == null ? stages : List.of(Stage.find(stages, name));
    List<StageWire> wires = new ArrayList<>();
    for (Stage stage : chosen) {
      wires.add(of(stage));
    }
    return List.copyOf(wires);
  }

  /** The options as an array, for {@code Victims.startServer} and {@code Victims.connect}. */
  public String[] optionArgs() {
    return options.toArray(String[]::new);
  }

  public String name() {
    return stage.name();
  }
}
