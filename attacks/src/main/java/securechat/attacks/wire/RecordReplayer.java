package securechat.attacks.wire;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Replays one record: passes the target of a {@link RecordPicker} on and keeps a copy, then sends
 * the copy again right after the client's next record, on the same connection and in the same
 * direction, as if the client had sent it twice. Every record is passed on untouched.
 */
public final class RecordReplayer implements RecordEditor {
  private final RecordPicker target;
  private final Consumer<String> events;
  private byte[] copy;
  private boolean replayed;

  /**
   * @param events told one sentence when the copy is taken and when it is sent again
   */
  public RecordReplayer(RecordPicker target, Consumer<String> events) {
    this.target = Objects.requireNonNull(target, "target");
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public List<byte[]> edit(byte[] record) {
    if (copy == null) {
      if (target.isTarget(record)) {
        copy = record.clone();
        events.accept("kept a copy of " + target.description() + " (" + record.length + " bytes)");
      }
      return List.of(record);
    }
    if (replayed) {
      return List.of(record);
    }
    replayed = true;
    events.accept("sent the copy of " + target.description() + " again, after alice's next record");
    return List.of(record, copy.clone());
  }
}
