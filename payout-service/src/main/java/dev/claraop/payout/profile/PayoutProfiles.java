package dev.claraop.payout.profile;

import dev.claraop.payout.profile.ProfileCommands.SetPayoutProfile;
import dev.claraop.payout.profile.internal.ProfileDocument;
import dev.claraop.payout.tenancy.TenantMembers;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.Subject;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.GrantScope;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.InvalidRequest;
import dev.claraop.platform.web.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creators' payout profiles: who may write and read them, and the sealing of their bank details under the
 * profile's own data key ({@code payout-profile:<tenant>.<creatorId>}) before anything is stored.
 */
@Component
public class PayoutProfiles {

  // Ids join into one subject, so neither part may hold the separator; Keycloak subs and tenant ids never do.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,63}");

  private final DataKeys dataKeys;
  private final CommandGateway commands;
  private final MongoTemplate mongo;
  private final Clock clock;
  private final TenantMembers members;
  private final JsonMapper json = JsonMapper.builder().build();

  PayoutProfiles(DataKeys dataKeys, CommandGateway commands, MongoTemplate mongo, Clock clock, TenantMembers members) {
    this.dataKeys = dataKeys;
    this.commands = commands;
    this.mongo = mongo;
    this.clock = clock;
    this.members = members;
  }

  /** The data-key subject of a creator's profile in a tenant; also the profile aggregate's id. */
  public static Subject subjectOf(String tenantId, String creatorId) {
    if (tenantId == null || !ID.matcher(tenantId).matches()) throw new InvalidRequest("tenantId", "is not a valid id");
    if (creatorId == null || !ID.matcher(creatorId).matches()) throw new InvalidRequest("creatorId", "is not a valid id");
    return Subject.of("payout-profile", tenantId + "." + creatorId);
  }

  /**
   * The creator themself (their token proves who and where they are), or an ADMIN for a user identity-service
   * announced as a CREATOR of the ADMIN's tenant: anyone else's id, another tenant's creator included, is 404 and
   * nothing is stored (DESIGN §3).
   */
  PayoutProfileView set(ClaraPrincipal caller, String creatorId, PayoutProfileRequest request) {
    boolean self = caller.has(Role.CREATOR) && caller.userId().equals(creatorId);
    if (!caller.has(Role.ADMIN) && !self) throw new AccessDeniedException("only the creator or an ADMIN sets a profile");
    if (!self && !members.has(caller.tenantId(), creatorId, Role.CREATOR)) throw new NotFound("creator");
    return store(caller.tenantId(), creatorId, caller.userId(), request);
  }

  /** Seals and stores a profile on behalf of {@code editor}, who becomes its last editor. */
  public PayoutProfileView store(String tenantId, String creatorId, String editor, PayoutProfileRequest request) {
    Subject subject = subjectOf(tenantId, creatorId);
    BankDetails details = BankDetails.from(request);
    dataKeys.createKey(subject);
    String sealed = dataKeys.encrypt(subject,
        json.writeValueAsString(new BankSnapshots.SealedProfile(details.account(), details.taxId()))).text();
    ProfileMasks masks = ProfileMasks.of(details);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    commands.sendAndWait(new SetPayoutProfile(subject.value(), tenantId, creatorId, editor, at,
            details.accountHolder(), details.country(), details.currency(), sealed, masks,
            List.copyOf(details.p0FieldsPresent())),
        MetaData.with("requestId", String.valueOf(CorrelationIdFilter.current())));
    return PayoutProfileView.of(creatorId, details.accountHolder(), details.country(), details.currency(), masks,
        editor, at);
  }

  /**
   * Account erasure (DESIGN §6.6): shreds the profile's data key, so every copy of the sealed details (event store,
   * replays, backups) reads SHREDDED, and deletes its view. Both steps run on every call, so a call that died
   * between them is completed by the next.
   *
   * @return whether this call removed anything (false: already erased, or never a profile)
   */
  public boolean erase(String tenantId, String creatorId) {
    // An id the profile subject refuses never had a profile stored under it.
    if (tenantId == null || creatorId == null || !ID.matcher(tenantId).matches() || !ID.matcher(creatorId).matches()) {
      return false;
    }
    Subject subject = subjectOf(tenantId, creatorId);
    // Key first: the projection skips a shredded profile, so a late event cannot bring the view back after this.
    boolean shredded = dataKeys.shred(subject);
    long deleted = mongo.remove(Query.query(Criteria.where("_id").is(subject.value())), ProfileDocument.class)
        .getDeletedCount();
    return deleted > 0 || shredded;
  }

  public boolean exists(String tenantId, String creatorId) {
    return mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(subjectOf(tenantId, creatorId).value())),
        ProfileDocument.class);
  }

  /**
   * The masked profile, for the creator themself or an ADMIN of the tenant (DESIGN §8); managers read their pods'
   * batch lines, not profiles.
   */
  Optional<PayoutProfileView> find(ClaraPrincipal caller, String creatorId) {
    boolean self = caller.has(Role.CREATOR) && caller.userId().equals(creatorId);
    boolean staffRead = caller.covers(GrantScope.PAYOUTS_READ); // masked, in the grant's tenant
    if (!caller.has(Role.ADMIN) && !self && !staffRead) {
      throw new AccessDeniedException("only the creator or an ADMIN reads a profile");
    }
    Subject subject = subjectOf(caller.tenantId(), creatorId);
    return Optional.ofNullable(mongo.findById(subject.value(), ProfileDocument.class))
        .filter(p -> p.tenantId().equals(caller.tenantId()))
        .map(p -> PayoutProfileView.of(p.creatorId(), p.accountHolder(), p.country(), p.currency(), p.masks(),
            p.editedBy(), p.editedAt()));
  }
}
