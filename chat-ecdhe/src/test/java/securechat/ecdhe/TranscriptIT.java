package securechat.ecdhe;

import securechat.core.contract.StageUnderTest;
import securechat.core.contract.TranscriptContract;

/** Every transcript in {@code transcripts/}, over the ecdhe stage. */
class TranscriptIT extends TranscriptContract {
  @Override
  protected StageUnderTest stage() {
    return EcdheStage.withFreshIdentity();
  }
}
