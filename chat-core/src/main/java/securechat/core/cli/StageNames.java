package securechat.core.cli;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stage names for picocli's help text and shell completion ({@code --stage <TAB>}). picocli
 * instantiates completion classes itself, so the names registered by the commands live here.
 */
public final class StageNames implements Iterable<String> {
  private static final List<String> NAMES = new CopyOnWriteArrayList<>();

  static void register(List<Stage> stages) {
    for (Stage stage : stages) {
      if (!NAMES.contains(stage.name())) {
        NAMES.add(stage.name());
      }
    }
  }

  @Override
  public Iterator<String> iterator() {
    return NAMES.iterator();
  }
}
