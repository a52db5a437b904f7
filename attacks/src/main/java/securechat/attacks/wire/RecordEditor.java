package securechat.attacks.wire;

import java.util.List;

/**
 * What an attacker does with each record a client sends, in order: pass it on, change it, hold a
 * copy and send it again later. Called by one thread, once per record, so an editor may keep state
 * (which record it is at, a copy it holds) in plain fields.
 */
@FunctionalInterface
public interface RecordEditor {
  /** Passes every record on unchanged. */
  RecordEditor UNCHANGED = List::of;

  /**
   * What to send to the server instead of {@code record}, in order: {@code record} itself, a
   * changed copy, nothing, or more than one record.
   */
  List<byte[]> edit(byte[] record);
}
