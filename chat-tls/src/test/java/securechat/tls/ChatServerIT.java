package securechat.tls;

import securechat.core.contract.ChatServerContract;
import securechat.core.contract.StageUnderTest;

/** Every chat-core behaviour test, over TLS 1.3. */
class ChatServerIT extends ChatServerContract {
  @Override
  protected StageUnderTest stage() {
    return TlsStage.withFreshPki();
  }
}
