package dev.claraop.payout.profile;

import dev.claraop.payout.profile.internal.ProfileDocument;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.FieldValue;
import dev.claraop.platform.crypto.shredding.Subject;
import dev.claraop.platform.crypto.shredding.SubjectKey;
import dev.claraop.platform.crypto.shredding.SubjectKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves bank details from profiles into batches and, at export, out again. Generation re-seals each creator's
 * account under the batch's own data key ({@code batch:<id>}) in memory, so the batch can be shredded on its own
 * schedule without touching the profile, and a later profile edit does not change what an approved batch pays.
 * {@link #open} is the one read of P0 in plaintext, and only the bank-file export calls it.
 */
@Component
public class BankSnapshots {

  /** The stand-in matches each profile found against the whole $in list: a query costs its length squared. */
  private static final int PROFILES_PER_QUERY = 250;

  private final DataKeys dataKeys;
  private final MongoTemplate mongo;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Counter resealed;
  private final Counter exported;

  BankSnapshots(DataKeys dataKeys, MongoTemplate mongo, MeterRegistry meters) {
    this.dataKeys = dataKeys;
    this.mongo = mongo;
    this.resealed = decryptions(meters, "batch_reseal");
    this.exported = decryptions(meters, "payout_export");
  }

  /**
   * Bank accounts decrypted, by a fixed purpose (never the export's free-text purpose, which is audited instead):
   * {@code batch_reseal} in memory at generation, {@code payout_export} for a bank file. Registered at 0, so alerts
   * see the first decryption.
   */
  private static Counter decryptions(MeterRegistry meters, String purpose) {
    return Counter.builder("claraop.payout.pii.decrypted.accounts").tag("purpose", purpose)
        .description("Bank accounts decrypted to plaintext, by purpose").register(meters);
  }

  /** The subject whose data key seals a batch's bank snapshot. */
  public static Subject batchSubject(String batchId) {
    return Subject.of("batch", batchId);
  }

  /**
   * Each given creator's account re-sealed for {@code batchId}, keyed by creator id. A creator without a profile is
   * absent from the answer: the caller decides what that means.
   */
  public Map<String, ProfileSnapshot> sealFor(String tenantId, Collection<String> creatorIds, String batchId) {
    Subject batch = batchSubject(batchId);
    Map<String, ProfileSnapshot> snapshots = new LinkedHashMap<>();
    var ids = creatorIds.stream().map(c -> PayoutProfiles.subjectOf(tenantId, c).value()).distinct().toList();
    // By _id (an index on MongoDB and the stand-in alike), in chunks.
    List<ProfileDocument> profiles = new ArrayList<>(ids.size());
    for (int from = 0; from < ids.size(); from += PROFILES_PER_QUERY) {
      var chunk = ids.subList(from, Math.min(ids.size(), from + PROFILES_PER_QUERY));
      profiles.addAll(mongo.find(Query.query(Criteria.where("_id").in(chunk).and("tenantId").is(tenantId)),
          ProfileDocument.class));
    }
    if (profiles.isEmpty()) return snapshots;
    dataKeys.createKey(batch);
    // One lookup and one unwrap per subject for the whole batch, not per line; the keys are zeroed on the way out.
    List<Subject> owners = profiles.stream().map(p -> PayoutProfiles.subjectOf(tenantId, p.creatorId())).toList();
    try (SubjectKeys ownerKeys = dataKeys.openAll(owners); SubjectKey batchKey = dataKeys.open(batch)) {
      for (ProfileDocument profile : profiles) {
        Subject owner = PayoutProfiles.subjectOf(tenantId, profile.creatorId());
        String plaintext = ownerKeys.get(owner).decrypt(Ciphertext.parse(profile.sealedDetails())).orElseThrow();
        BankAccount account = json.readValue(plaintext, SealedProfile.class).account();
        String sealed = batchKey.encrypt(json.writeValueAsString(account)).text();
        snapshots.put(profile.creatorId(), new ProfileSnapshot(sealed, account.masked(), profile.editedBy()));
      }
    }
    resealed.increment(profiles.size());
    return snapshots;
  }

  /** Drops the data key of a batch that was not generated after all; nothing was sealed under it for good. */
  public void discard(String batchId) {
    dataKeys.shred(batchSubject(batchId));
  }

  /** Crypto-shreds a batch's bank snapshot (purge): every copy of it, in events and backups, reads SHREDDED. */
  public void shred(String batchId) {
    dataKeys.shred(batchSubject(batchId));
  }

  /** A line's account in plaintext, or empty once the batch was purged (its data key shredded). */
  public Optional<BankAccount> open(String batchId, String sealedAccount) {
    return switch (dataKeys.decrypt(batchSubject(batchId), Ciphertext.parse(sealedAccount))) {
      case FieldValue.Readable readable -> {
        exported.increment();
        yield Optional.of(json.readValue(readable.plaintext(), BankAccount.class));
      }
      case FieldValue.Shredded shredded -> Optional.empty();
    };
  }

  /**
   * Every line's account of a batch in plaintext, in the order given, opened with one lookup and one unwrap of the
   * batch's data key; empty once the batch was purged.
   */
  public Optional<List<BankAccount>> openAll(String batchId, List<String> sealedAccounts) {
    List<BankAccount> accounts = new ArrayList<>(sealedAccounts.size());
    try (SubjectKey batchKey = dataKeys.open(batchSubject(batchId))) {
      if (batchKey.shredded()) return Optional.empty();
      for (String sealed : sealedAccounts) {
        switch (batchKey.decrypt(Ciphertext.parse(sealed))) {
          case FieldValue.Readable readable -> {
            exported.increment();
            accounts.add(json.readValue(readable.plaintext(), BankAccount.class));
          }
          case FieldValue.Shredded shredded -> {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.of(accounts);
  }

  /** What a profile seals under its own data key. */
  record SealedProfile(BankAccount account, String taxId) {
    @Override
    public String toString() {
      return "SealedProfile[values hidden]";
    }
  }
}
