package securechat.plain;

import securechat.core.contract.StageUnderTest;
import securechat.core.contract.TranscriptContract;

/** Every {@code .chat} conversation, run against a plain-stage server over loopback. */
class TranscriptIT extends TranscriptContract {
  @Override
  protected StageUnderTest stage() {
    return new PlainStage();
  }
}
