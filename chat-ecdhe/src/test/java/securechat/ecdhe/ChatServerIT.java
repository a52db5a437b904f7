package securechat.ecdhe;

import securechat.core.contract.ChatServerContract;
import securechat.core.contract.StageUnderTest;

/** Every chat-core behaviour test, over the ecdhe handshake and Fernet tokens. */
class ChatServerIT extends ChatServerContract {
  @Override
  protected StageUnderTest stage() {
    return EcdheStage.withFreshIdentity();
  }
}
