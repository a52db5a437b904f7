package securechat.plain;

import securechat.core.contract.ChatServerContract;
import securechat.core.contract.StageUnderTest;

/** The engine's behaviour contract over plain TCP: every bad client is answered, none disturbs. */
class ChatServerIT extends ChatServerContract {
  @Override
  protected StageUnderTest stage() {
    return new PlainStage();
  }
}
