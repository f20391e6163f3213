package dev.claraop.platform.security;

import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpMethod;

/**
 * Routes of a service that callers reach without a bearer token, beside the platform's own ({@link
 * ServiceSecurityAutoConfiguration#OPEN_PATHS}): a service declares them as beans instead of a security chain of its
 * own, so that every other rule of the platform's chain (the acting tenant above all) holds there too. Each must
 * authenticate its callers some other way or need no caller at all.
 *
 * @param method the one method opened; the same paths under other methods still want a token
 * @param patterns path patterns, as {@code requestMatchers} takes them
 */
public record PublicRoutes(HttpMethod method, List<String> patterns) {

  public PublicRoutes {
    Objects.requireNonNull(method, "method");
    patterns = List.copyOf(patterns);
    if (patterns.isEmpty()) throw new IllegalArgumentException("public routes without a path");
  }

  public static PublicRoutes of(HttpMethod method, String... patterns) {
    return new PublicRoutes(method, List.of(patterns));
  }
}
