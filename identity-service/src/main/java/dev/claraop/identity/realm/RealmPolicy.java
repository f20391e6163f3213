package dev.claraop.identity.realm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security policy the public pages promise, as Keycloak realm settings (REFERENCES.md, Keycloak):
 * lockout after 5 failed logins within 15 minutes, for 15 minutes; sessions of at most 24 hours; short
 * access tokens; passwords hashed with bcrypt at cost 12 by our provider (infra/keycloak/bcrypt-provider,
 * which reads the cost from the policy's {@code hashIterations}). Keycloak's own defaults are off / 30
 * failures / 10 h / argon2, hence enforcement, not hope.
 */
@ConfigurationProperties("claraop.identity.realm-policy")
public record RealmPolicy(
    @DefaultValue("claraop") String realm,
    @DefaultValue("5") int failureFactor,
    @DefaultValue("900") int maxDeltaTimeSeconds,
    @DefaultValue("900") int waitIncrementSeconds,
    @DefaultValue("900") int maxFailureWaitSeconds,
    @DefaultValue("86400") int ssoSessionMaxLifespan,
    @DefaultValue("86400") int ssoSessionIdleTimeout,
    @DefaultValue("300") int accessTokenLifespan,
    @DefaultValue("bcrypt") String passwordHashAlgorithm,
    @DefaultValue("12") int passwordHashCost) {}
