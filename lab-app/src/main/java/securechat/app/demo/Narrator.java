package securechat.app.demo;

import java.io.IOException;

/** Told before each step of each stage: prints what happens and, with {@code --step}, pauses. */
@FunctionalInterface
interface Narrator {
  void before(Step step, DemoStage stage, int port) throws IOException;
}
