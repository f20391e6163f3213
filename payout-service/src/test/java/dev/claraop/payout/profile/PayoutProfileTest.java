package dev.claraop.payout.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.payout.profile.ProfileCommands.SetPayoutProfile;
import dev.claraop.payout.profile.ProfileEvents.PayoutProfileSet;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A profile's rules on Axon's fixture: who edited last, and which fields an edit changed (by name). */
class PayoutProfileTest {

  private static final String ID = "payout-profile:demo.c-1";
  private static final Instant AT = Instant.parse("2026-11-19T16:20:00Z");
  private static final ProfileMasks IBAN_ONLY = new ProfileMasks(null, null, "••••5432", null, null);
  private FixtureConfiguration<PayoutProfile> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(PayoutProfile.class);
  }

  private static SetPayoutProfile set(String editor, String holder, List<String> p0) {
    return new SetPayoutProfile(ID, "demo", "c-1", editor, AT, holder, "GB", "GBP", "sealed", IBAN_ONLY, p0);
  }

  private static PayoutProfileSet was(String editor, String holder, List<String> p0, List<String> changed) {
    return new PayoutProfileSet(ID, "demo", "c-1", editor, AT, holder, "GB", "GBP", "sealed", IBAN_ONLY, p0, changed);
  }

  @Test
  void a_first_profile_changes_every_field_it_sets() {
    fixture.givenNoPriorActivity()
        .when(set("c-1", "Ada", List.of("iban", "bic")))
        .expectEvents(was("c-1", "Ada", List.of("iban", "bic"), List.of("accountHolder", "country", "currency", "iban", "bic")))
        .expectState(profile -> assertThat(profile.editedBy()).isEqualTo("c-1"));
  }

  @Test
  void an_edit_names_what_changed_and_who_edited_last() {
    fixture.given(was("c-1", "Ada", List.of("iban", "bic"), List.of()))
        .when(set("admin-1", "Ada L.", List.of("iban")))
        // The holder changed; the iban was (re)written; the bic was removed.
        .expectEvents(was("admin-1", "Ada L.", List.of("iban"), List.of("accountHolder", "iban", "bic")))
        .expectState(profile -> assertThat(profile.editedBy()).isEqualTo("admin-1"));
  }
}
