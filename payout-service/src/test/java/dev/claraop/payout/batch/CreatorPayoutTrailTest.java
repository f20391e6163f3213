package dev.claraop.payout.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** What a creator's payout trail says of a batch, and who may not read one although they hold the CREATOR role. */
class CreatorPayoutTrailTest {

  @Test
  void the_approver_is_told_as_a_role_and_a_count_never_as_a_person() {
    assertThat(CreatorPayoutView.approvers(0)).isNull();
    assertThat(CreatorPayoutView.approvers(1)).isEqualTo("an agency admin");
    assertThat(CreatorPayoutView.approvers(2)).isEqualTo("two agency admins");
    assertThat(CreatorPayoutView.approvers(3)).isEqualTo("3 agency admins");
  }

  @Test
  void a_batch_is_referred_to_by_the_first_eight_characters_of_its_id() {
    assertThat(CreatorPayoutView.reference("30a0cb15-fbea-4507-b092-f96c5a6113f6")).isEqualTo("30a0cb15");
    assertThat(CreatorPayoutView.reference("short")).isEqualTo("short");
  }

  @Test
  void a_delegated_operator_holding_the_creator_role_reads_no_trail() {
    ClaraPrincipal delegated = new ClaraPrincipal("operator-1", "t-demo", Set.of(Role.CREATOR), "delegation-1");
    // No read model: the refusal comes before any read (a read would fail otherwise, not be refused).
    assertThatThrownBy(() -> new CreatorPayoutController(null).mine(delegated, null, 50))
        .isInstanceOf(AccessDeniedException.class);
  }
}
