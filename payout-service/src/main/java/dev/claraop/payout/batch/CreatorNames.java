package dev.claraop.payout.batch;

import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.FieldValue;
import dev.claraop.platform.crypto.shredding.MissingDataKey;
import dev.claraop.platform.crypto.shredding.Subject;
import dev.claraop.platform.crypto.shredding.SubjectKey;
import dev.claraop.platform.crypto.shredding.SubjectKeys;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Creators' names in batch lines, crypto-shredded with the creator (DESIGN §5): {@code BatchGenerated} keeps in the
 * event store, for ever, only each name sealed under the creator's own data key ({@code creator:<tenant>.<creatorId>}),
 * so an account erasure that shreds that key leaves every copy of the name, replays and backups included, unreadable.
 * The batch purge shreds the batch's key, not this one: a purged batch keeps its names.
 */
@Component
public class CreatorNames {

  /** What a line shows for a creator whose account was erased. */
  public static final String ERASED = "erased";

  // Ids join into one subject, so neither part may hold the separator; Keycloak subs and tenant ids never do.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,63}");

  private final DataKeys dataKeys;

  CreatorNames(DataKeys dataKeys) {
    this.dataKeys = dataKeys;
  }

  /** The data-key subject of a creator's name in a tenant; platform-crypto's {@code Subject} allows no second colon. */
  static Subject subjectOf(String tenantId, String creatorId) {
    if (!isId(tenantId) || !isId(creatorId)) throw new IllegalArgumentException("not a tenant and creator id");
    return Subject.of("creator", tenantId + "." + creatorId);
  }

  /**
   * Each creator's name sealed under their own data key, made when missing (idempotent, as profiles do), keyed by
   * creator id; a creator without a name is absent. A creator already erased is {@code SubjectShredded}.
   */
  Map<String, String> seal(String tenantId, Map<String, String> namesByCreator) {
    Map<String, String> sealed = new LinkedHashMap<>();
    Map<String, Subject> subjects = new LinkedHashMap<>();
    namesByCreator.forEach((creator, name) -> {
      if (name != null) subjects.put(creator, subjectOf(tenantId, creator));
    });
    // Keys made where missing and opened, for the whole batch in a few bulk round trips, not two per creator.
    try (SubjectKeys keys = dataKeys.createAndOpenAll(subjects.values())) {
      subjects.forEach((creator, subject) ->
          sealed.put(creator, keys.get(subject).encrypt(namesByCreator.get(creator)).text()));
    }
    return sealed;
  }

  /**
   * Each line's creator name, keyed by line id: opened from its sealed form, {@value #ERASED} once the creator's key is
   * shredded. A line stored before names were sealed holds its name in plain text; it reads {@value #ERASED} too when
   * the creator was erased since (the erasure leaves a tombstone even where no key existed).
   */
  public Map<String, String> open(String tenantId, List<BatchLine> lines) {
    Map<String, String> names = new HashMap<>();
    List<Subject> sealedFor = lines.stream().filter(l -> l.sealedCreatorName() != null)
        .map(l -> subjectOf(tenantId, l.creatorId())).toList();
    // One store query and one unwrap per creator for the whole batch.
    try (SubjectKeys keys = dataKeys.openAll(sealedFor)) {
      for (BatchLine line : lines) {
        if (line.sealedCreatorName() != null) {
          names.put(line.lineId(), switch (keys.get(subjectOf(tenantId, line.creatorId()))
              .decrypt(Ciphertext.parse(line.sealedCreatorName()))) {
            case FieldValue.Readable readable -> readable.plaintext();
            case FieldValue.Shredded shredded -> ERASED;
          });
        } else {
          names.put(line.lineId(), erased(tenantId, line.creatorId()) ? ERASED : line.creatorName());
        }
      }
    }
    return names;
  }

  private boolean erased(String tenantId, String creatorId) {
    if (!isId(tenantId) || !isId(creatorId)) return false;
    try (SubjectKey key = dataKeys.open(subjectOf(tenantId, creatorId))) {
      return key.shredded();
    } catch (MissingDataKey never) {
      return false;
    }
  }

  /**
   * Account erasure: shreds the creator's name key, so every sealed copy of their name reads {@value #ERASED}.
   * Idempotent; leaves a tombstone even for a creator never named in a batch.
   *
   * @return whether a live key was shredded by this call
   */
  public boolean shred(String tenantId, String creatorId) {
    if (!isId(tenantId) || !isId(creatorId)) return false; // never a subject, so never a key
    return dataKeys.shred(subjectOf(tenantId, creatorId));
  }

  private static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
