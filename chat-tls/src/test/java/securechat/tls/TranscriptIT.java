package securechat.tls;

import securechat.core.contract.StageUnderTest;
import securechat.core.contract.TranscriptContract;

/** Every transcript in {@code transcripts/}, over TLS 1.3. */
class TranscriptIT extends TranscriptContract {
  @Override
  protected StageUnderTest stage() {
    return TlsStage.withFreshPki();
  }
}
