package securechat.tls;

import securechat.core.contract.FaultContract;
import securechat.core.contract.StageUnderTest;

/** Every network fault of chat-core's fault contract, over TLS 1.3 records. */
class FaultIT extends FaultContract {
  @Override
  protected StageUnderTest stage() {
    return TlsStage.withFreshPki();
  }
}
