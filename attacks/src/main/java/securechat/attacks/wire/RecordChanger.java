package securechat.attacks.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Changes one record in flight, the target of a {@link RecordPicker}, and passes every other record
 * on untouched. The change (a bit flip, for the tamper attack) may refuse a record it cannot apply
 * to with an {@link IllegalArgumentException}: the record then goes on unchanged, and {@link
 * #problem} says why.
 */
public final class RecordChanger implements RecordEditor {
  private final RecordPicker target;
  private final UnaryOperator<byte[]> change;
  private final Consumer<String> events;
  private volatile String problem;

  /**
   * @param events told one sentence when the target has been changed (or could not be)
   */
  public RecordChanger(RecordPicker target, UnaryOperator<byte[]> change, Consumer<String> events) {
    this.target = Objects.requireNonNull(target, "target");
    this.change = Objects.requireNonNull(change, "change");
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public List<byte[]> edit(byte[] record) {
    if (!target.isTarget(record)) {
      return List.of(record);
    }
    try {
      byte[] changed = change.apply(record.clone());
      events.accept(
          "changed "
              + target.description()
              + " ("
              + record.length
              + " bytes) on its way to the server");
      return List.of(changed);
    } catch (IllegalArgumentException e) {
      problem = "could not change " + target.description() + ": " + e.getMessage();
      events.accept(problem + "; it went on unchanged");
      return List.of(record);
    }
  }

  /** Why the target went on unchanged, if it did. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }
}
