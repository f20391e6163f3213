package dev.claraop.payout;

import static dev.claraop.test.Callers.tenantUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.claraop.platform.security.Role;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Small steps the integration tests share. */
public final class PayoutFixtures {

  /** A valid UK profile (a published example IBAN), set by the creator themself. */
  public static String ukProfile(String holder) {
    return "{\"accountHolder\":\"" + holder + "\",\"country\":\"GB\",\"currency\":\"USD\","
        + "\"iban\":\"GB33BUKB20201555555555\",\"bic\":\"BUKBGB22\"}";
  }

  /** The creator sets their own profile, and the test waits until the profile can be read (and so be snapshotted). */
  public static void profileSetByCreator(MockMvc http, String tenant, String creator, String body) throws Exception {
    int status = http.perform(put("/api/payout-profiles/" + creator).with(tenantUser(creator, tenant, Role.CREATOR))
        .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
    if (status != 200) throw new AssertionError("profile PUT answered " + status);
    awaitProfile(http, tenant, creator);
  }

  public static void awaitProfile(MockMvc http, String tenant, String creator) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.perform(get("/api/payout-profiles/" + creator)
        .with(tenantUser(creator, tenant, Role.CREATOR))).andReturn().getResponse().getStatus() == 200);
  }

  private PayoutFixtures() {}
}
