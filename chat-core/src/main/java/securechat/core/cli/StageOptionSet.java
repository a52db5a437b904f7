package securechat.core.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@link StageOptions} of every stage for one command (server or client side): mixes their
 * options into the command and, once parsed, refuses options that belong to another stage.
 */
final class StageOptionSet {
  private final Map<String, StageOptions> byStage = new LinkedHashMap<>();

  StageOptionSet(List<Stage> stages, Function<Stage, Supplier<StageOptions>> side) {
    for (Stage stage : stages) {
      byStage.put(stage.name(), side.apply(stage).get());
    }
  }

  /** {@code command} as a picocli command line, with each stage's {@code @Option} fields added. */
  CommandLine commandLineFor(Object command) {
    CommandLine line = new CommandLine(command);
    mixInto(line);
    return line;
  }

  /** Adds each stage's {@code @Option} fields to {@code command}; stages without any add none. */
  private void mixInto(CommandLine command) {
    byStage.forEach(
        (stageName, options) -> {
          if (!CommandSpec.forAnnotatedObjectLenient(options).options().isEmpty()) {
            command.addMixin(stageName, options);
          }
        });
  }

  /**
   * The options of {@code stage}, after checking that no option of another stage was given.
   *
   * @param command the running command's spec, whose parse result says what was given
   */
  StageOptions of(Stage stage, CommandSpec command) throws ConfigException {
    ParseResult parsed = command.commandLine().getParseResult();
    if (parsed != null) {
      checkNoForeignOptions(stage, parsed);
    }
    return byStage.get(stage.name());
  }

  private void checkNoForeignOptions(Stage stage, ParseResult parsed) throws ConfigException {
    Set<String> given =
        parsed.matchedOptions().stream().map(OptionSpec::longestName).collect(Collectors.toSet());
    Map<String, CommandSpec> mixins = parsed.commandSpec().mixins();
    for (Map.Entry<String, CommandSpec> mixin : mixins.entrySet()) {
      if (mixin.getKey().equals(stage.name()) || !byStage.containsKey(mixin.getKey())) {
        continue;
      }
      for (OptionSpec option : mixin.getValue().options()) {
        if (given.contains(option.longestName())) {
          throw new ConfigException(
              option.longestName()
                  + " is an option of the "
                  + mixin.getKey()
                  + " stage, not of the "
                  + stage.name()
                  + " stage",
              "add --stage " + mixin.getKey() + ", or leave " + option.longestName() + " out");
        }
      }
    }
  }
}
