package securechat.attacks.crack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.account.PasswordPolicy;
import securechat.core.protocol.Username;

class CrackVictimsTest {
  @TempDir Path tmp;

  @Test
  void sixPasswordsComeFromTheListTopToEndGraceSharesAlicesAndHeidisIsInNoList() {
    WordList list = WordList.shipped();

    List<CrackVictims.Victim> victims = CrackVictims.choose(list, new Random(1));

    assertThat(victims)
        .extracting(victim -> victim.name().value())
        .containsExactly("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");
    assertThat(victims)
        .extracting(CrackVictims.Victim::password)
        .startsWith("123456789", "internet", "4815162342", "tarheels", "motherlode", "classics")
        .allMatch(password -> password.length() >= PasswordPolicy.MIN_LENGTH);
    assertThat(victims.get(6).password()).isEqualTo(victims.get(0).password());
    assertThat(victims.get(7).listIndex()).isEmpty();
    assertThat(list.words()).doesNotContain(victims.get(7).password());
    assertThat(victims.get(7).password()).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
  }

  @Test
  void listIndexSaysWhereEachPasswordIs() {
    WordList list = WordList.shipped();

    for (CrackVictims.Victim victim : CrackVictims.choose(list, new SecureRandom())) {
      victim
          .listIndex()
          .ifPresent(index -> assertThat(list.word(index)).isEqualTo(victim.password()));
    }
  }

  @Test
  void writtenFilesHoldTheSamePasswordsBothWays() throws Exception {
    List<CrackVictims.Victim> victims =
        List.of(
            new CrackVictims.Victim(
                new Username("alice"), "password1", java.util.OptionalInt.of(3)),
            new CrackVictims.Victim(
                new Username("grace"), "password1", java.util.OptionalInt.of(3)));

    CrackVictims.Written written = CrackVictims.write(tmp, victims);

    List<HashFiles.Unsalted> unsalted = HashFiles.readUnsalted(written.unsaltedFile());
    assertThat(unsalted)
        .extracting(HashFiles.Unsalted::hex)
        .containsOnly(new UnsaltedSha256Hasher().hashHex("password1"));
    List<HashFiles.Argon2id> salted = HashFiles.readArgon2id(written.accountsFile());
    // The same password, two different Argon2id hashes: each has its own salt.
    assertThat(salted.get(0).hash().toPhcString()).isNotEqualTo(salted.get(1).hash().toPhcString());
    AccountStore store = AccountStore.open(tmp, PasswordHasher.forTests());
    store.checkPassword(new Username("alice"), "password1");
    store.checkPassword(new Username("grace"), "password1");
  }
}
