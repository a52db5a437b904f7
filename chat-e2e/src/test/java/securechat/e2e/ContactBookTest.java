package securechat.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static securechat.e2e.ContactBook.Sighting.CHANGED;
import static securechat.e2e.ContactBook.Sighting.NEW;
import static securechat.e2e.ContactBook.Sighting.SAME;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.core.protocol.Username;

/** What bob's client remembers of his contacts: keys on first sight, verification, counters. */
class ContactBookTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");
  private static final Username CAROL = new Username("carol");

  @TempDir Path dataDir;

  private final PublicIdentity alice = IdentityKeys.generate(RANDOM).publicIdentity();
  private final PublicIdentity aliceNew = IdentityKeys.generate(RANDOM).publicIdentity();
  private final PublicIdentity carol = IdentityKeys.generate(RANDOM).publicIdentity();

  @Test
  void aContactIsNewThenTheSameThenChangedForOtherKeys() {
    ContactBook book = ContactBook.inMemory();
    assertThat(book.accepted(ALICE)).isEmpty();

    assertThat(book.observe(ALICE, alice)).isEqualTo(NEW);
    assertThat(book.observe(ALICE, alice)).isEqualTo(SAME);
    assertThat(book.observe(ALICE, aliceNew)).isEqualTo(CHANGED);
    assertThat(book.observe(ALICE, aliceNew)).isEqualTo(CHANGED);
  }

  @Test
  void aChangedKeyDoesNotReplaceTheAcceptedOne() {
    ContactBook book = ContactBook.inMemory();
    book.observe(ALICE, alice);

    book.observe(ALICE, aliceNew);

    assertThat(book.accepted(ALICE)).contains(alice);
    assertThat(book.isVerified(ALICE)).isFalse();
    assertThat(book.observe(ALICE, alice)).isEqualTo(SAME);
  }

  @Test
  void verifyAcceptsTheNewKeysAndMarksThemVerified() {
    ContactBook book = ContactBook.inMemory();
    book.observe(ALICE, alice);
    book.observe(ALICE, aliceNew);

    book.verify(ALICE, aliceNew);

    assertThat(book.accepted(ALICE)).contains(aliceNew);
    assertThat(book.isVerified(ALICE)).isTrue();
    assertThat(book.observe(ALICE, aliceNew)).isEqualTo(SAME);
    assertThat(book.observe(ALICE, alice)).isEqualTo(CHANGED);
  }

  @Test
  void verifyBeforeAnySightingAcceptsTheKeys() {
    ContactBook book = ContactBook.inMemory();

    book.verify(CAROL, carol);

    assertThat(book.accepted(CAROL)).contains(carol);
    assertThat(book.isVerified(CAROL)).isTrue();
    assertThat(book.observe(CAROL, carol)).isEqualTo(SAME);
  }

  @Test
  void nextCounterCountsOneTwoThreeForEachRecipientOnItsOwn() {
    ContactBook book = ContactBook.inMemory();

    assertThat(book.nextCounter(ALICE)).isEqualTo(1);
    assertThat(book.nextCounter(ALICE)).isEqualTo(2);
    assertThat(book.nextCounter(CAROL)).isEqualTo(1);
    assertThat(book.nextCounter(ALICE)).isEqualTo(3);
    assertThat(book.nextCounter(CAROL)).isEqualTo(2);
  }

  @Test
  void countingDoesNotDisturbTheAcceptedKeys() {
    ContactBook book = ContactBook.inMemory();
    book.nextCounter(ALICE);

    assertThat(book.observe(ALICE, alice)).isEqualTo(NEW);
    assertThat(book.nextCounter(ALICE)).isEqualTo(2);
  }

  @Test
  void acceptCounterTakesRisingCountersWithGaps() {
    ContactBook book = ContactBook.inMemory();

    assertThatCode(
            () -> {
              book.acceptCounter(ALICE, 1);
              book.acceptCounter(ALICE, 2);
              book.acceptCounter(ALICE, 10);
              book.acceptCounter(CAROL, 1);
            })
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 4, 1, 0, -1, Long.MIN_VALUE})
  void acceptCounterRefusesACounterNotAboveTheLastAsReplayed(long counter) throws Exception {
    ContactBook book = ContactBook.inMemory();
    book.acceptCounter(ALICE, 5);

    assertThatThrownBy(() -> book.acceptCounter(ALICE, counter))
        .isInstanceOfSatisfying(
            EnvelopeException.class,
            e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.REPLAYED))
        .hasMessage(
            "its counter "
                + counter
                + " is not above 5, the last one accepted from alice: a replay or an old message");
    book.acceptCounter(ALICE, 6);
  }

  @Test
  void aFirstCounterOfZeroIsRefused() {
    assertThatThrownBy(() -> ContactBook.inMemory().acceptCounter(ALICE, 0))
        .isInstanceOf(EnvelopeException.class)
        .hasMessageContaining("is not above 0");
  }

  @Test
  void countersFromOneSenderDoNotAffectAnother() throws Exception {
    ContactBook book = ContactBook.inMemory();
    book.acceptCounter(ALICE, 100);

    assertThatCode(() -> book.acceptCounter(CAROL, 1)).doesNotThrowAnyException();
  }

  @Test
  void everythingSurvivesAReopenFromDisk() throws Exception {
    ContactBook book = ContactBook.open(dataDir, BOB);
    book.observe(ALICE, alice);
    book.observe(ALICE, aliceNew);
    book.verify(CAROL, carol);
    book.nextCounter(ALICE);
    book.nextCounter(ALICE);
    book.acceptCounter(ALICE, 7);
    book.nextCounter(new Username("dave"));

    ContactBook reopened = ContactBook.open(dataDir, BOB);

    assertThat(reopened.accepted(ALICE)).contains(alice);
    assertThat(reopened.isVerified(ALICE)).isFalse();
    assertThat(reopened.observe(ALICE, aliceNew)).isEqualTo(CHANGED);
    assertThat(reopened.accepted(CAROL)).contains(carol);
    assertThat(reopened.isVerified(CAROL)).isTrue();
    // Counters are reserved ahead on disk: after a reopen they skip forward, never back.
    assertThat(reopened.nextCounter(ALICE)).isGreaterThan(2);
    assertThat(reopened.nextCounter(CAROL)).isEqualTo(1);
    assertThat(reopened.nextCounter(new Username("dave"))).isGreaterThan(1);
    assertThat(reopened.accepted(new Username("dave"))).isEmpty();
    assertThatThrownBy(() -> reopened.acceptCounter(ALICE, 7))
        .isInstanceOf(EnvelopeException.class);
    reopened.acceptCounter(ALICE, 8);
  }

  @Test
  void eachOwnerHasItsOwnOwnerOnlyFile() throws Exception {
    ContactBook.open(dataDir, BOB).observe(ALICE, alice);

    Path file = contactsOf(BOB);
    assertThat(Files.readString(file, UTF_8))
        .isEqualTo(
            "alice "
                + alice.signingKeyBase64()
                + " "
                + alice.encryptionKeyBase64()
                + " unverified 1 0\n");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(ContactBook.open(dataDir, CAROL).accepted(ALICE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "carol - - unverified 1",
        "carol - - unverified 1 0 extra",
        "Carol - - unverified 1 0",
        "carol not*base64 - unverified 1 0",
        "carol AAAA AAAA verified 1 0",
        "carol - - unverified one 0",
        "carol - - unverified 1 99999999999999999999",
      })
  void aCorruptContactsFileIsRefusedNamingTheFileAndTheLine(String corrupt) throws Exception {
    ContactBook.open(dataDir, BOB).observe(ALICE, alice);
    Path file = contactsOf(BOB);
    Files.writeString(file, Files.readString(file, UTF_8) + corrupt + "\n", UTF_8);

    assertThatThrownBy(() -> ContactBook.open(dataDir, BOB))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + " line 2 is not a contact: ");
  }

  @Test
  void aCounterIsNeverHandedOutTwiceAcrossReopensThoughTheFileIsWrittenRarely() throws Exception {
    Set<Long> handedOut = new HashSet<>();
    for (int restart = 0; restart < 3; restart++) {
      ContactBook book = ContactBook.open(dataDir, BOB);
      for (int i = 0; i < 200; i++) {
        assertThat(handedOut.add(book.nextCounter(ALICE))).as("a repeated counter").isTrue();
      }
      long onDisk = Long.parseLong(Files.readString(contactsOf(BOB), UTF_8).strip().split(" ")[4]);
      assertThat(onDisk).as("NEXT-SENT on disk").isGreaterThan(Collections.max(handedOut));
    }
  }

  @Test
  void heldChangesReachTheFileOnlyAtSaveHeldThenSurviveAReopen() throws Exception {
    ContactBook book = ContactBook.open(dataDir, BOB);
    book.acceptCounter(ALICE, 1);

    book.holdSaves();
    book.acceptCounter(ALICE, 2);
    book.acceptCounter(ALICE, 3);
    assertThatThrownBy(() -> book.acceptCounter(ALICE, 3))
        .as("a replay within the held batch")
        .isInstanceOf(EnvelopeException.class);
    assertThat(Files.readString(contactsOf(BOB), UTF_8)).endsWith(" 1\n");
    book.saveHeld();

    assertThat(Files.readString(contactsOf(BOB), UTF_8)).endsWith(" 3\n");
    assertThatThrownBy(() -> ContactBook.open(dataDir, BOB).acceptCounter(ALICE, 3))
        .isInstanceOf(EnvelopeException.class);
  }

  @Test
  @Timeout(10)
  void changesByAnotherThreadAreSavedAtOnceWhileOneThreadHoldsItsOwn() throws Exception {
    ContactBook book = ContactBook.open(dataDir, BOB);
    book.holdSaves();
    book.acceptCounter(ALICE, 5);

    Thread other = Thread.ofVirtual().start(() -> book.verify(CAROL, carol));
    other.join();

    assertThat(ContactBook.open(dataDir, BOB).isVerified(CAROL)).isTrue();
    book.saveHeld();
  }

  private Path contactsOf(Username owner) {
    return dataDir.resolve("e2e/users").resolve(owner.value()).resolve("contacts");
  }
}
