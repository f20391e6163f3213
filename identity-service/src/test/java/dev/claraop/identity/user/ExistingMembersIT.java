package dev.claraop.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.Topics;
import dev.claraop.identity.IdentityIntegrationTest;
import dev.claraop.identity.TestRealm;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Members the realm holds that identity-service never announced (seeded, or made beside it) are announced once on
 * {@code identity.events} as {@code identity.member.synced}, at start and then periodically, so that services learn
 * them; nobody twice.
 */
class ExistingMembersIT extends IdentityIntegrationTest {

  private static final String DEMO_CREATOR_1 = "11111111-0000-4000-8000-000000000004";

  @Autowired ExistingMembers existing;
  @Autowired Invitations invitations;
  @Autowired MongoTemplate mongo;
  private final EventCodec codec = new EventCodec();

  @Test
  void the_realms_seeded_members_are_announced_at_start_and_readiness_waits_for_it() {
    assertThat(existing.health().getStatus()).isEqualTo(Status.UP);
    EventEnvelope synced = codec.read(KafkaRecords.read(Topics.IDENTITY,
        r -> DEMO_CREATOR_1.equals(r.key()) && r.value().contains("identity.member.synced"), 1, Duration.ofSeconds(30))
        .getFirst().value());
    assertThat(synced.tenantId()).isEqualTo("demo");
    assertThat(synced.actor()).isEqualTo(Actor.system("identity-service"));
    assertThat(SchemaCheck.violations(EventTypes.IDENTITY_MEMBER_SYNCED, synced.data())).isEmpty();
    assertThat(codec.data(synced, EventTypes.IDENTITY_MEMBER_SYNCED).role()).isEqualTo("CREATOR");
  }

  @Test
  void a_member_made_beside_identity_service_is_announced_by_the_periodic_run_once_and_staff_never() {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String creator = TestRealm.member(tenant, "CREATOR");
    String staff = TestRealm.createUser(TestRealm.uniqueEmail("staff"), null, null, "SUPPORT_ENGINEER");

    // Made moments ago: it may be an invitation whose member record is still being written, left for a later run.
    existing.announce();
    assertThat(mongo.findById(creator, Member.class)).as("announced before it settled").isNull();
    // Nobody asks: the periodic run (announce-every 1 s, settle 5 s in tests, on a 5 s tick) finds the new member.
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> mongo.findById(creator, Member.class) != null);
    assertThat(existing.announce()).as("a run after it").isZero();

    var records = KafkaRecords.read(Topics.IDENTITY, r -> creator.equals(r.key()), 1, Duration.ofSeconds(30));
    assertThat(records).hasSize(1);
    EventEnvelope synced = codec.read(records.getFirst().value());
    assertThat(synced.type()).isEqualTo("identity.member.synced");
    assertThat(synced.tenantId()).isEqualTo(tenant);
    assertThat(codec.data(synced, EventTypes.IDENTITY_MEMBER_SYNCED).userId()).isEqualTo(creator);
    Member member = mongo.findById(creator, Member.class);
    assertThat(member.tenantId()).isEqualTo(tenant);
    assertThat(member.role()).isEqualTo("CREATOR");
    assertThat(member.invitedBy()).isNull();
    assertThat(mongo.findById(staff, Member.class)).isNull();
    // Ids and the role only: no name or e-mail address reaches Kafka.
    assertThat(records.getFirst().value()).doesNotContain("@test.claraop.dev").doesNotContain("Test User");
  }

  @Test
  void an_invited_user_is_announced_by_the_invitation_only() {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String invited = invitations.invite(tenant, new InviteRequest(TestRealm.uniqueEmail("invitee"), "MANAGER"),
        Actor.user("admin-1")).userId();

    existing.announce();

    List<String> types = KafkaRecords.read(Topics.IDENTITY, r -> invited.equals(r.key()), 1, Duration.ofSeconds(30))
        .stream().map(r -> codec.read(r.value()).type()).toList();
    assertThat(types).containsExactly("identity.user.invited");
  }
}
