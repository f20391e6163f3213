package dev.claraop.platform.crypto.shredding;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.UNKNOWN_KEY;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.WRONG_SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.platform.crypto.InvalidCiphertext;
import dev.claraop.platform.crypto.fernet.FernetKey;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.KeyRef;
import dev.claraop.platform.crypto.keyring.MasterKey;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules every {@link DataKeyStore} keeps; each store's test runs them against its own store. */
public abstract class DataKeyStoreContract {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant CREATED = Instant.parse("2025-02-03T04:05:06.789Z");
  private static final Instant SHREDDED = Instant.parse("2025-06-01T00:00:00Z");
  static final Subject ALICE = Subject.of("payout-profile", "alice");
  static final Subject BOB = Subject.of("payout-profile", "bob");
  static final Subject BATCH = Subject.of("batch", "2025-06-001");

  private final MasterKey main1 = new MasterKey(new KeyRef("main", 1), FernetKey.generate(RANDOM));
  private final MasterKey main2 = new MasterKey(new KeyRef("main", 2), FernetKey.generate(RANDOM));
  private final MasterKeyRing ring = new MasterKeyRing(List.of(main1), Clock.fixed(CREATED, ZoneOffset.UTC), RANDOM);

  protected abstract DataKeyStore store();

  @Test
  void a_stored_key_reads_back_as_stored() {
    StoredDataKey.Wrapped key = wrappedKey(ALICE);

    assertThat(store().insertIfAbsent(key)).isEqualTo(key);
    assertThat(store().find(ALICE)).contains(key);
    assertThat(store().find(BOB)).isEmpty();
  }

  @Test
  void the_first_key_of_a_subject_wins() {
    StoredDataKey.Wrapped first = wrappedKey(ALICE);
    store().insertIfAbsent(first);

    assertThat(store().insertIfAbsent(wrappedKey(ALICE))).isEqualTo(first);
    assertThat(store().find(ALICE)).contains(first);
  }

  @Test
  void shredding_leaves_a_tombstone_without_key_material_and_is_idempotent() {
    store().insertIfAbsent(wrappedKey(ALICE));

    assertThat(store().shred(ALICE, SHREDDED)).isTrue();
    assertThat(store().shred(ALICE, SHREDDED.plusSeconds(60))).isFalse();

    assertThat(store().find(ALICE)).contains(new StoredDataKey.Tombstone(ALICE, SHREDDED));
    assertThat(store().countByMasterKey()).isEmpty();
  }

  @Test
  void shredding_a_subject_that_never_had_a_key_still_leaves_a_tombstone() {
    assertThat(store().shred(BOB, SHREDDED)).isFalse();

    assertThat(store().find(BOB)).contains(new StoredDataKey.Tombstone(BOB, SHREDDED));
  }

  @Test
  void a_shredded_subject_gets_no_new_key() {
    store().shred(ALICE, SHREDDED);

    assertThat(store().insertIfAbsent(wrappedKey(ALICE))).isEqualTo(new StoredDataKey.Tombstone(ALICE, SHREDDED));
  }

  @Test
  void a_wrapped_key_is_replaced_only_while_it_is_unchanged() {
    StoredDataKey.Wrapped key = wrappedKey(ALICE);
    store().insertIfAbsent(key);
    Ciphertext replacement = ring.wrap(new byte[32]);

    assertThat(store().replaceWrapped(ALICE, wrappedKey(ALICE).wrapped(), replacement)).isFalse();
    assertThat(store().replaceWrapped(ALICE, key.wrapped(), replacement)).isTrue();
    assertThat(store().find(ALICE)).contains(new StoredDataKey.Wrapped(ALICE, 1, replacement, CREATED));
  }

  @Test
  void a_shredded_key_is_never_replaced_back() {
    StoredDataKey.Wrapped key = wrappedKey(ALICE);
    store().insertIfAbsent(key);
    store().shred(ALICE, SHREDDED);

    assertThat(store().replaceWrapped(ALICE, key.wrapped(), ring.wrap(new byte[32]))).isFalse();
    assertThat(store().find(ALICE)).contains(new StoredDataKey.Tombstone(ALICE, SHREDDED));
  }

  @Test
  void live_keys_are_counted_and_selected_by_master_key() {
    store().insertIfAbsent(wrappedKey(ALICE));
    store().insertIfAbsent(wrappedKey(BOB));
    store().insertIfAbsent(wrappedKey(Subject.of("batch", "shredded")));
    store().shred(Subject.of("batch", "shredded"), SHREDDED);
    ring.add(main2);
    store().insertIfAbsent(wrappedKey(BATCH));

    assertThat(store().countByMasterKey()).isEqualTo(Map.of(main1.ref(), 2L, main2.ref(), 1L));
    assertThat(store().wrappedUnderOtherThan(main2.ref(), 10)).extracting(StoredDataKey::subject)
        .containsExactlyInAnyOrder(ALICE, BOB);
    assertThat(store().wrappedUnderOtherThan(main2.ref(), 1)).hasSize(1);
    assertThat(store().wrappedUnderOtherThan(main1.ref(), 10)).extracting(StoredDataKey::subject)
        .containsExactly(BATCH);
  }

  @Test
  void find_all_answers_keys_and_tombstones_and_leaves_out_subjects_without_a_record() {
    StoredDataKey.Wrapped alice = wrappedKey(ALICE);
    store().insertIfAbsent(alice);
    store().shred(BATCH, SHREDDED);

    assertThat(store().findAll(List.of(ALICE, BOB, BATCH, ALICE)))
        .isEqualTo(Map.of(ALICE, alice, BATCH, new StoredDataKey.Tombstone(BATCH, SHREDDED)));
    assertThat(store().findAll(List.of())).isEmpty();
  }

  @Test
  void find_all_reads_a_bulk_of_subjects_at_once() {
    List<Subject> subjects = IntStream.range(0, 1_500).mapToObj(i -> Subject.of("payout-profile", "c" + i)).toList();
    subjects.forEach(s -> store().insertIfAbsent(wrappedKey(s)));

    assertThat(store().findAll(subjects)).hasSize(1_500).containsOnlyKeys(subjects);
  }

  @Test
  void a_bulk_insert_keeps_what_was_there_first_and_stores_the_rest() {
    StoredDataKey.Wrapped earlier = wrappedKey(ALICE);
    store().insertIfAbsent(earlier);
    store().shred(BATCH, SHREDDED);
    List<Subject> subjects = new ArrayList<>(List.of(ALICE, BATCH));
    IntStream.range(0, 1_200).forEach(i -> subjects.add(Subject.of("payout-profile", "bulk" + i)));
    List<StoredDataKey.Wrapped> keys = subjects.stream().map(this::wrappedKey).toList();

    Map<Subject, StoredDataKey> stored = store().insertAllIfAbsent(keys);

    assertThat(stored).containsOnlyKeys(subjects);
    assertThat(stored.get(ALICE)).isEqualTo(earlier);
    assertThat(stored.get(BATCH)).isEqualTo(new StoredDataKey.Tombstone(BATCH, SHREDDED));
    assertThat(stored.get(subjects.get(700))).isEqualTo(keys.get(700));
    assertThat(store().findAll(subjects)).isEqualTo(stored);
  }

  // DataKeys over this store: the bulk API reads through findAll, so each store runs it.

  @Test
  void keys_made_in_bulk_seal_as_single_ones_do_and_a_shredded_subject_refuses_the_bulk() {
    DataKeys dataKeys = new DataKeys(ring, store());
    dataKeys.createKey(ALICE);
    Ciphertext before = dataKeys.encrypt(ALICE, "kept");
    dataKeys.createKeys(List.of(ALICE, BOB, BOB));
    assertThat(dataKeys.decrypt(ALICE, before)).isEqualTo(new FieldValue.Readable("kept"));
    assertThat(dataKeys.decrypt(BOB, dataKeys.encrypt(BOB, "new"))).isEqualTo(new FieldValue.Readable("new"));

    dataKeys.shred(BATCH);
    assertThatThrownBy(() -> dataKeys.createKeys(List.of(Subject.of("payout-profile", "carol"), BATCH)))
        .isInstanceOf(SubjectShredded.class);
    assertThat(store().find(BATCH)).containsInstanceOf(StoredDataKey.Tombstone.class);
  }

  @Test
  void one_handle_seals_and_opens_many_fields_and_reads_what_single_calls_read() {
    DataKeys dataKeys = new DataKeys(ring, store());
    dataKeys.createKey(ALICE);
    Ciphertext single = dataKeys.encrypt(ALICE, "DE89370400440532013000");

    List<Ciphertext> sealed = new ArrayList<>();
    try (SubjectKey alice = dataKeys.open(ALICE)) {
      for (int i = 0; i < 20; i++) sealed.add(alice.encrypt("IBAN " + i));
      assertThat(alice.decrypt(single)).isEqualTo(new FieldValue.Readable("DE89370400440532013000"));
      assertThat(alice.shredded()).isFalse();
    }

    assertThat(sealed.getFirst().key()).isEqualTo(new KeyRef(ALICE.value(), 1));
    assertThat(dataKeys.decrypt(ALICE, sealed.get(7))).isEqualTo(new FieldValue.Readable("IBAN 7"));
  }

  @Test
  void a_bulk_open_gives_a_shredded_subject_a_handle_that_reads_SHREDDED_and_seals_nothing() {
    DataKeys dataKeys = new DataKeys(ring, store());
    dataKeys.createKey(ALICE);
    dataKeys.createKey(BOB);
    Ciphertext alicesField = dataKeys.encrypt(ALICE, "alice's IBAN");
    Ciphertext bobsField = dataKeys.encrypt(BOB, "bob's IBAN");
    dataKeys.shred(BOB);

    try (SubjectKeys keys = dataKeys.openAll(List.of(ALICE, BOB, ALICE))) {
      assertThat(keys.subjects()).containsExactly(ALICE, BOB);
      assertThat(keys.get(ALICE).decrypt(alicesField)).isEqualTo(new FieldValue.Readable("alice's IBAN"));
      assertThat(keys.get(BOB).shredded()).isTrue();
      assertThat(keys.get(BOB).decrypt(bobsField)).isInstanceOf(FieldValue.Shredded.class);
      assertThatThrownBy(() -> keys.get(BOB).encrypt("new")).isInstanceOf(SubjectShredded.class);
      assertThatThrownBy(() -> keys.get(BATCH)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void a_bulk_open_with_a_subject_without_any_record_is_an_error_naming_it() {
    DataKeys dataKeys = new DataKeys(ring, store());
    dataKeys.createKey(ALICE);

    assertThatThrownBy(() -> dataKeys.openAll(List.of(ALICE, BOB)))
        .isInstanceOf(MissingDataKey.class).hasMessageContaining(BOB.value());
    assertThatThrownBy(() -> dataKeys.open(BOB)).isInstanceOf(MissingDataKey.class);
  }

  @Test
  void a_handle_refuses_another_subjects_field_and_an_unknown_data_key_version() {
    DataKeys dataKeys = new DataKeys(ring, store());
    dataKeys.createKey(ALICE);
    dataKeys.createKey(BOB);
    Ciphertext bobsField = dataKeys.encrypt(BOB, "bob's IBAN");
    Ciphertext alicesField = dataKeys.encrypt(ALICE, "alice's IBAN");
    Ciphertext version2 = new Ciphertext(new KeyRef(ALICE.value(), 2), alicesField.keyCheck(), alicesField.token());

    try (SubjectKey alice = dataKeys.open(ALICE)) {
      assertThatThrownBy(() -> alice.decrypt(bobsField)).isInstanceOf(InvalidCiphertext.class)
          .extracting(e -> ((InvalidCiphertext) e).reason()).isEqualTo(WRONG_SUBJECT);
      assertThatThrownBy(() -> alice.decrypt(version2)).isInstanceOf(InvalidCiphertext.class)
          .extracting(e -> ((InvalidCiphertext) e).reason()).isEqualTo(UNKNOWN_KEY);
    }
  }

  @Test
  void closing_zeroes_every_unwrapped_key_and_a_closed_handle_refuses_use() throws ReflectiveOperationException {
    DataKeys dataKeys = new DataKeys(ring, store());
    dataKeys.createKey(ALICE);
    dataKeys.createKey(BOB);
    Ciphertext field = dataKeys.encrypt(ALICE, "alice's IBAN");

    SubjectKey single = dataKeys.open(ALICE);
    SubjectKeys both = dataKeys.openAll(List.of(ALICE, BOB));
    FernetKey singleKey = unwrappedKeyOf(single);
    FernetKey bobsKey = unwrappedKeyOf(both.get(BOB));
    assertThat(zeroed(singleKey)).isFalse();

    single.close();
    both.close();
    single.close(); // idempotent

    assertThat(singleKey.isDestroyed()).isTrue();
    assertThat(zeroed(singleKey)).isTrue();
    assertThat(zeroed(bobsKey)).isTrue();
    assertThatThrownBy(() -> single.decrypt(field)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> both.get(ALICE).encrypt("x")).isInstanceOf(IllegalStateException.class);
    assertThat(single.toString()).doesNotContain(singleKey.check()).contains("closed");
  }

  @Test
  void a_shred_after_a_handle_was_closed_is_seen_by_the_next_open() {
    DataKeys dataKeys = new DataKeys(ring, store());
    dataKeys.createKey(ALICE);
    dataKeys.createKey(BOB);
    Ciphertext field;
    try (SubjectKey alice = dataKeys.open(ALICE)) {
      field = alice.encrypt("alice's IBAN");
    }

    dataKeys.shred(ALICE);

    try (SubjectKey alice = dataKeys.open(ALICE)) {
      assertThat(alice.decrypt(field)).isInstanceOf(FieldValue.Shredded.class);
      assertThatThrownBy(() -> alice.encrypt("again")).isInstanceOf(SubjectShredded.class);
    }
    try (SubjectKeys keys = dataKeys.openAll(List.of(BOB, ALICE))) {
      assertThat(keys.get(ALICE).decrypt(field)).isInstanceOf(FieldValue.Shredded.class);
      assertThat(keys.get(BOB).shredded()).isFalse();
    }
  }

  private static FernetKey unwrappedKeyOf(SubjectKey handle) throws ReflectiveOperationException {
    var field = SubjectKey.class.getDeclaredField("key");
    field.setAccessible(true);
    return (FernetKey) field.get(handle);
  }

  private static boolean zeroed(FernetKey key) throws ReflectiveOperationException {
    for (String half : new String[] {"signingKey", "encryptionKey"}) {
      var field = FernetKey.class.getDeclaredField(half);
      field.setAccessible(true);
      for (byte b : (byte[]) field.get(key)) {
        if (b != 0) return false;
      }
    }
    return true;
  }

  private StoredDataKey.Wrapped wrappedKey(Subject subject) {
    return new StoredDataKey.Wrapped(subject, 1, ring.wrap(FernetKey.generate(RANDOM).toBytes()), CREATED);
  }
}
