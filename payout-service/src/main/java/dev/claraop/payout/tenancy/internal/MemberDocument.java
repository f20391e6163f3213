package dev.claraop.payout.tenancy.internal;

import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user of a tenant and their tenant roles, as identity-service announced them (tenant created, user invited,
 * member synced). Ids only: names and e-mail addresses stay in identity-service and Keycloak.
 *
 * @param id tenant and user id together ({@code tenant/user})
 */
@Document("tenant_members")
public record MemberDocument(@Id String id, String tenantId, String userId, Set<String> roles) {

  public static String idOf(String tenantId, String userId) {
    return tenantId + "/" + userId;
  }
}
