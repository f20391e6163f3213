package dev.claraop.payout.purge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param purgeAfter how long a closed batch keeps its bank snapshot (DESIGN §6.3: 30 days after {@code closedAt})
 * @param purgeClient the Keycloak client id (token {@code azp}) of retention-service, the one caller of the purge
 * @param purgeRole the realm role that client's service account carries for it
 */
@ConfigurationProperties("claraop.payout")
public record PurgeSettings(
    @DefaultValue("30d") Duration purgeAfter,
    @DefaultValue("retention-service") String purgeClient,
    @DefaultValue("SERVICE_RETENTION") String purgeRole) {}
