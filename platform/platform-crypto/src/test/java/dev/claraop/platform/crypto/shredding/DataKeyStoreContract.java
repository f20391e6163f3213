package dev.claraop.platform.crypto.shredding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.platform.crypto.fernet.FernetKey;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.KeyRef;
import dev.claraop.platform.crypto.keyring.MasterKey;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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

  private StoredDataKey.Wrapped wrappedKey(Subject subject) {
    return new StoredDataKey.Wrapped(subject, 1, ring.wrap(FernetKey.generate(RANDOM).toBytes()), CREATED);
  }
}
