package dev.claraop.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param store {@code REDIS} shares one budget between every gateway instance on the same Redis;
 *     {@code IN_PROCESS} keeps budgets in this instance (one instance, or Redis not configured)
 * @param trustedProxies how many proxies in front of the gateway append to {@code X-Forwarded-For}; 0 (the
 *     default) ignores that header, whose leftmost entries the client writes
 * @param user per signed-in user, on every authenticated call
 * @param anonymous per client IP, for calls without a user
 * @param login per username and client IP, on password logins through the token endpoint
 * @param publicForms per client IP, on the public contact and security-report forms
 *     (the budgets' values are in application.yml)
 */
@ConfigurationProperties("claraop.gateway.rate-limits")
public record RateLimitSettings(
    @DefaultValue("IN_PROCESS") Store store,
    @DefaultValue("0") int trustedProxies,
    RateLimitPolicy user,
    RateLimitPolicy anonymous,
    RateLimitPolicy login,
    RateLimitPolicy publicForms) {

  public enum Store { IN_PROCESS, REDIS }
}
