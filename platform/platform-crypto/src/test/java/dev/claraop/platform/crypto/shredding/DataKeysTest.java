package dev.claraop.platform.crypto.shredding;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.TAMPERED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.WRONG_KEY;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.WRONG_SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.platform.crypto.InvalidCiphertext;
import dev.claraop.platform.crypto.TestClock;
import dev.claraop.platform.crypto.fernet.FernetKey;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.KeyRef;
import dev.claraop.platform.crypto.keyring.MasterKey;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import dev.claraop.platform.crypto.keyring.RetirementRefused;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataKeysTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String IBAN = "DE89370400440532013000";
  private static final Subject ALICE = Subject.of("payout-profile", "alice");
  private static final Subject BOB = Subject.of("payout-profile", "bob");

  private final TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final MasterKey main1 = new MasterKey(new KeyRef("main", 1), FernetKey.generate(RANDOM));
  private final MasterKey main2 = new MasterKey(new KeyRef("main", 2), FernetKey.generate(RANDOM));
  private final MasterKeyRing ring = new MasterKeyRing(List.of(main1), clock, RANDOM);
  private final InMemoryDataKeyStore store = new InMemoryDataKeyStore();
  private final DataKeys dataKeys = new DataKeys(ring, store, clock, RANDOM);

  @Test
  void a_field_sealed_for_a_subject_opens_to_the_same_value() {
    dataKeys.createKey(ALICE);

    Ciphertext field = dataKeys.encrypt(ALICE, IBAN);

    assertThat(dataKeys.decrypt(ALICE, Ciphertext.parse(field.text()))).isEqualTo(new FieldValue.Readable(IBAN));
  }

  @Test
  void a_field_ciphertext_names_its_subject_and_data_key_version_and_hides_the_value() {
    dataKeys.createKey(ALICE);

    Ciphertext field = dataKeys.encrypt(ALICE, IBAN);

    assertThat(field.key()).isEqualTo(new KeyRef("payout-profile:alice", 1));
    assertThat(field.text()).startsWith("payout-profile:alice:1:").doesNotContain(IBAN);
    assertThat(dataKeys.decrypt(ALICE, field).toString()).doesNotContain(IBAN);
  }

  @Test
  void the_data_key_is_stored_only_wrapped_under_the_newest_master_key() {
    dataKeys.createKey(ALICE);

    StoredDataKey.Wrapped stored = (StoredDataKey.Wrapped) store.find(ALICE).orElseThrow();

    assertThat(stored.wrapped().key()).isEqualTo(main1.ref());
    assertThat(ring.unwrap(stored.wrapped())).hasSize(32);
  }

  @Test
  void creating_a_key_twice_keeps_the_first() {
    dataKeys.createKey(ALICE);
    Ciphertext field = dataKeys.encrypt(ALICE, IBAN);

    dataKeys.createKey(ALICE);

    assertThat(dataKeys.decrypt(ALICE, field).orElseThrow()).isEqualTo(IBAN);
  }

  @Test
  void a_shredded_subject_reads_as_SHREDDED_never_as_a_value() {
    dataKeys.createKey(ALICE);
    Ciphertext field = dataKeys.encrypt(ALICE, IBAN);
    clock.advance(Duration.ofDays(1));

    assertThat(dataKeys.shred(ALICE)).isTrue();

    FieldValue read = dataKeys.decrypt(ALICE, field);
    assertThat(read).isEqualTo(new FieldValue.Shredded(ALICE, Instant.parse("2025-01-02T00:00:00Z")));
    assertThatThrownBy(read::orElseThrow).isInstanceOf(SubjectShredded.class)
        .hasMessage("payout-profile:alice was shredded at 2025-01-02T00:00:00Z: its P0 data is gone and no new key will be made for it");
  }

  @Test
  void shredding_again_changes_nothing() {
    dataKeys.createKey(ALICE);
    Ciphertext field = dataKeys.encrypt(ALICE, IBAN);
    dataKeys.shred(ALICE);
    clock.advance(Duration.ofDays(1));

    assertThat(dataKeys.shred(ALICE)).isFalse();

    assertThat(dataKeys.decrypt(ALICE, field)).isEqualTo(new FieldValue.Shredded(ALICE, Instant.parse("2025-01-01T00:00:00Z")));
  }

  @Test
  void shredding_one_subject_leaves_the_others_readable() {
    dataKeys.createKey(ALICE);
    dataKeys.createKey(BOB);
    Ciphertext alices = dataKeys.encrypt(ALICE, IBAN);
    Ciphertext bobs = dataKeys.encrypt(BOB, IBAN);

    dataKeys.shred(ALICE);

    assertThat(dataKeys.decrypt(ALICE, alices)).isInstanceOf(FieldValue.Shredded.class);
    assertThat(dataKeys.decrypt(BOB, bobs).orElseThrow()).isEqualTo(IBAN);
  }

  @Test
  void a_shredded_subject_gets_no_new_key_and_nothing_new_is_sealed_for_it() {
    dataKeys.createKey(ALICE);
    dataKeys.shred(ALICE);
    dataKeys.shred(BOB); // erased before it ever had a key

    assertThatThrownBy(() -> dataKeys.createKey(ALICE)).isInstanceOf(SubjectShredded.class);
    assertThatThrownBy(() -> dataKeys.encrypt(ALICE, IBAN)).isInstanceOf(SubjectShredded.class);
    assertThatThrownBy(() -> dataKeys.createKey(BOB)).isInstanceOf(SubjectShredded.class);
  }

  @Test
  void a_subject_without_a_key_is_an_error_not_a_shredding() {
    Ciphertext field = otherDataKeys().encryptFor(ALICE);

    assertThatThrownBy(() -> dataKeys.encrypt(ALICE, IBAN)).isInstanceOf(MissingDataKey.class)
        .hasMessageContaining("no data key for payout-profile:alice");
    assertThatThrownBy(() -> dataKeys.decrypt(ALICE, field)).isInstanceOf(MissingDataKey.class);
  }

  @Test
  void one_subjects_field_cannot_be_read_as_anothers() {
    dataKeys.createKey(ALICE);
    dataKeys.createKey(BOB);
    Ciphertext alices = dataKeys.encrypt(ALICE, IBAN);

    assertThatThrownBy(() -> dataKeys.decrypt(BOB, alices))
        .isInstanceOfSatisfying(InvalidCiphertext.class, e -> assertThat(e.reason()).isEqualTo(WRONG_SUBJECT))
        .hasMessage("a value sealed for payout-profile:alice was presented as payout-profile:bob's");
  }

  @Test
  void a_field_sealed_under_another_data_key_of_the_same_name_is_a_wrong_key() {
    dataKeys.createKey(ALICE);
    Ciphertext fromElsewhere = otherDataKeys().encryptFor(ALICE);

    assertThatThrownBy(() -> dataKeys.decrypt(ALICE, fromElsewhere))
        .isInstanceOfSatisfying(InvalidCiphertext.class, e -> assertThat(e.reason()).isEqualTo(WRONG_KEY))
        .hasMessageContaining("the key held as payout-profile:alice v1 is not the key this value was sealed with");
  }

  @Test
  void an_altered_field_is_rejected_as_tampered_without_revealing_it() {
    dataKeys.createKey(ALICE);
    Ciphertext field = dataKeys.encrypt(ALICE, IBAN);
    byte[] bytes = Base64.getUrlDecoder().decode(field.token());
    bytes[bytes.length - 40] ^= 1;
    Ciphertext altered = new Ciphertext(field.key(), field.keyCheck(), Base64.getUrlEncoder().encodeToString(bytes));

    assertThatThrownBy(() -> dataKeys.decrypt(ALICE, altered))
        .isInstanceOfSatisfying(InvalidCiphertext.class, e -> assertThat(e.reason()).isEqualTo(TAMPERED))
        .hasMessageNotContaining(IBAN).hasMessageNotContaining(field.token());
  }

  @Test
  void rotation_rewraps_every_data_key_under_the_newest_master_key_and_old_fields_stay_readable() {
    dataKeys.createKey(ALICE);
    dataKeys.createKey(BOB);
    Ciphertext field = dataKeys.encrypt(ALICE, IBAN);
    ring.add(main2);

    RotationReport report = dataKeys.rotate();

    assertThat(report).isEqualTo(new RotationReport(main2.ref(), 2, Map.of(main1.ref(), 0L)));
    assertThat(report.complete()).isTrue();
    assertThat(store.countByMasterKey()).isEqualTo(Map.of(main2.ref(), 2L));
    assertThat(dataKeys.decrypt(ALICE, field).orElseThrow()).isEqualTo(IBAN);
    assertThat(dataKeys.rotate()).isEqualTo(new RotationReport(main2.ref(), 0, Map.of(main1.ref(), 0L)));
  }

  @Test
  void a_master_key_retires_only_after_rotation_has_emptied_it() {
    dataKeys.createKey(ALICE);
    ring.add(main2);

    assertThatThrownBy(() -> dataKeys.retireMasterKey(main1.ref())).isInstanceOf(RetirementRefused.class)
        .hasMessageContaining("1 value(s) are still wrapped under it");

    dataKeys.rotate();
    dataKeys.retireMasterKey(main1.ref());

    assertThat(ring.keys()).containsExactly(main2.ref());
    assertThat(dataKeys.decrypt(ALICE, dataKeys.encrypt(ALICE, IBAN)).orElseThrow()).isEqualTo(IBAN);
  }

  @Test
  void a_key_shredded_during_a_rotation_stays_shredded() {
    dataKeys.createKey(ALICE);
    ring.add(main2);
    DataKeyStore shredsMidway = new ForwardingStore(store) {
      @Override
      public List<StoredDataKey.Wrapped> wrappedUnderOtherThan(KeyRef newest, int limit) {
        List<StoredDataKey.Wrapped> found = super.wrappedUnderOtherThan(newest, limit);
        super.shred(ALICE, Instant.parse("2025-01-01T00:00:30Z"));
        return found;
      }
    };

    RotationReport report = new DataKeys(ring, shredsMidway, clock, RANDOM).rotate();

    assertThat(report.rewrapped()).isZero();
    assertThat(store.find(ALICE)).containsInstanceOf(StoredDataKey.Tombstone.class);
  }

  /** Another service's data keys, with the same subject names: fields sealed there do not open here. */
  private Sealer otherDataKeys() {
    InMemoryDataKeyStore otherStore = new InMemoryDataKeyStore();
    DataKeys other = new DataKeys(ring, otherStore, clock, RANDOM);
    return subject -> {
      other.createKey(subject);
      return other.encrypt(subject, IBAN);
    };
  }

  private interface Sealer {
    Ciphertext encryptFor(Subject subject);
  }

  private static class ForwardingStore implements DataKeyStore {
    private final DataKeyStore delegate;

    ForwardingStore(DataKeyStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public StoredDataKey insertIfAbsent(StoredDataKey.Wrapped key) {
      return delegate.insertIfAbsent(key);
    }

    @Override
    public Optional<StoredDataKey> find(Subject subject) {
      return delegate.find(subject);
    }

    @Override
    public boolean replaceWrapped(Subject subject, Ciphertext expected, Ciphertext replacement) {
      return delegate.replaceWrapped(subject, expected, replacement);
    }

    @Override
    public boolean shred(Subject subject, Instant at) {
      return delegate.shred(subject, at);
    }

    @Override
    public List<StoredDataKey.Wrapped> wrappedUnderOtherThan(KeyRef newest, int limit) {
      return delegate.wrappedUnderOtherThan(newest, limit);
    }

    @Override
    public Map<KeyRef, Long> countByMasterKey() {
      return delegate.countByMasterKey();
    }
  }
}
