package securechat.plain;

import securechat.core.contract.FaultContract;
import securechat.core.contract.StageUnderTest;

/**
 * Every network fault of chat-core's fault contract, over the plain stage (which cannot tell a
 * repeated or cut segment).
 */
class FaultIT extends FaultContract {
  @Override
  protected StageUnderTest stage() {
    return new PlainStage();
  }
}
