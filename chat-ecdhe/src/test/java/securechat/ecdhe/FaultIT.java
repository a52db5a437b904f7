package securechat.ecdhe;

import securechat.core.contract.FaultContract;
import securechat.core.contract.StageUnderTest;

/**
 * Every network fault of chat-core's fault contract, over the ecdhe handshake and Fernet tokens.
 */
class FaultIT extends FaultContract {
  @Override
  protected StageUnderTest stage() {
    return EcdheStage.withFreshIdentity();
  }
}
