package dev.claraop.identity.directory;

import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.Conflict;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import dev.claraop.identity.realm.KeycloakAdminSettings;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The users of realm {@code claraop}, through Keycloak's admin API. Every call is bounded in time and runs
 * through one circuit breaker: while Keycloak is down, callers get {@link DirectoryUnavailable} (503) at
 * once, and readiness says so. Reads are retried with backoff; writes are not (a retried create could
 * create twice), their callers compensate instead.
 */
@Component("keycloak")
public class UserDirectory implements HealthIndicator, AutoCloseable {

  public static final String REALM = "claraop";
  public static final String TENANT_ATTRIBUTE = "tenant_id";
  public static final String DELEGATIONS_ATTRIBUTE = "delegations";

  private final KeycloakAdminSettings admin;
  private final DirectorySettings settings;
  private final CircuitBreaker breaker;
  private final Retry readRetry;
  private volatile Keycloak keycloak;

  public UserDirectory(KeycloakAdminSettings admin, DirectorySettings settings) {
    this.admin = admin;
    this.settings = settings;
    this.breaker = CircuitBreaker.of("keycloak", CircuitBreakerConfig.custom()
        .slidingWindowSize(10).minimumNumberOfCalls(3).failureRateThreshold(50)
        .waitDurationInOpenState(settings.openFor()).recordException(UserDirectory::isOutage).build());
    this.readRetry = Retry.of("keycloak-read", RetryConfig.custom().maxAttempts(settings.readAttempts())
        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0))
        .retryOnException(UserDirectory::isOutage).build());
  }

  /**
   * Creates an enabled user who must set a password (and complete the profile) at the first login.
   *
   * @throws Conflict when the e-mail address is taken
   */
  public String invite(String email, String tenantId, Role role) {
    String id = write(() -> {
      UserRepresentation user = new UserRepresentation();
      user.setUsername(email);
      user.setEmail(email);
      user.setEnabled(true);
      user.setEmailVerified(false);
      user.setAttributes(Map.of(TENANT_ATTRIBUTE, List.of(tenantId)));
      user.setRequiredActions(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
      try (Response response = realm().users().create(user)) {
        if (response.getStatus() == 409) throw new Conflict("a user with this e-mail address exists");
        return CreatedResponseUtil.getCreatedId(response);
      }
    });
    try {
      write(() -> {
        RoleRepresentation realmRole = realm().roles().get(role.name()).toRepresentation();
        realm().users().get(id).roles().realmLevel().add(List.of(realmRole));
        return null;
      });
    } catch (RuntimeException e) {
      remove(id); // no user without their role
      throw e;
    }
    return id;
  }

  /** Undoes {@link #invite} when what follows it fails; best effort, a leftover user has no role. */
  public void remove(String userId) {
    try {
      write(() -> {
        try (Response ignored = realm().users().delete(userId)) {
          return null;
        }
      });
    } catch (RuntimeException ignored) {
      // Keycloak gone as well: the user stays without role or tenant rights until an operator removes it.
    }
  }

  /**
   * Account erasure, first step: the user can no longer log in (disabled, their sessions ended, so no refresh
   * either) and their tokens carry no delegation. Not retried here: the caller's record is redelivered instead.
   *
   * @return false when Keycloak knows no such user (deleted already): nothing left to disable
   */
  public boolean disable(String userId) {
    return write(() -> {
      try {
        var resource = realm().users().get(userId);
        UserRepresentation user = resource.toRepresentation();
        user.setEnabled(false);
        if (user.getAttributes() != null) {
          var attributes = new java.util.HashMap<>(user.getAttributes());
          attributes.remove(DELEGATIONS_ATTRIBUTE);
          user.setAttributes(attributes);
        }
        resource.update(user);
        resource.logout();
        return true;
      } catch (NotFoundException absent) {
        return false;
      }
    });
  }

  /**
   * Account erasure, last step: the Keycloak user is deleted. Unlike {@link #remove}, a failure is thrown, so that
   * the erasure is tried again rather than leaving a login behind.
   *
   * @return false when Keycloak knew no such user any more (deleted before): the outcome is the same
   */
  public boolean delete(String userId) {
    return write(() -> {
      try (Response response = realm().users().delete(userId)) {
        if (response.getStatus() == 404) return false;
        if (response.getStatus() >= 300) {
          throw new WebApplicationException("Keycloak did not delete the user", response.getStatus());
        }
        return true;
      }
    });
  }

  public Optional<DirectoryUser> find(String userId) {
    return read(() -> {
      try {
        var resource = realm().users().get(userId);
        UserRepresentation user = resource.toRepresentation();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (RoleRepresentation r : resource.roles().realmLevel().listAll()) Role.fromClaim(r.getName()).ifPresent(roles::add);
        List<String> tenant = user.getAttributes() == null ? null : user.getAttributes().get(TENANT_ATTRIBUTE);
        return Optional.of(new DirectoryUser(user.getId(), tenant == null || tenant.isEmpty() ? null : tenant.getFirst(),
            roles, Boolean.TRUE.equals(user.isEnabled())));
      } catch (NotFoundException absent) {
        return Optional.empty();
      }
    });
  }

  /**
   * What a member list shows of a user: their address and whether they can sign in, in one read of the user (no role
   * mappings). Empty when Keycloak knows no such user.
   */
  public Optional<DirectoryProfile> profile(String userId) {
    return read(() -> {
      try {
        UserRepresentation user = realm().users().get(userId).toRepresentation();
        boolean invited = user.getRequiredActions() != null && user.getRequiredActions().contains("UPDATE_PASSWORD");
        return Optional.of(new DirectoryProfile(user.getId(), user.getEmail() != null ? user.getEmail() : user.getUsername(),
            Boolean.TRUE.equals(user.isEnabled()), invited));
      } catch (NotFoundException absent) {
        return Optional.empty();
      }
    });
  }

  /**
   * Every user holding realm role {@code role} who belongs to a tenant (staff and users without a tenant attribute
   * are left out) and was made before {@code madeBefore}, read page by page with their attributes.
   */
  public List<DirectoryUser> tenantUsersWith(Role role, Instant madeBefore) {
    List<DirectoryUser> users = new ArrayList<>();
    int page = 100;
    for (int first = 0; ; first += page) {
      int from = first;
      List<UserRepresentation> batch = read(() -> realm().roles().get(role.name()).getUserMembers(false, from, page));
      for (UserRepresentation user : batch) {
        List<String> tenant = user.getAttributes() == null ? null : user.getAttributes().get(TENANT_ATTRIBUTE);
        if (tenant == null || tenant.isEmpty() || tenant.getFirst().isBlank()) continue;
        Long made = user.getCreatedTimestamp();
        if (made != null && !Instant.ofEpochMilli(made).isBefore(madeBefore)) continue;
        users.add(new DirectoryUser(user.getId(), tenant.getFirst(), Set.of(role), Boolean.TRUE.equals(user.isEnabled())));
      }
      if (batch.size() < page) return users;
    }
  }

  /** Replaces the user's {@code delegations} attribute, which the realm maps into their tokens. */
  public void setDelegations(String userId, List<String> delegations) {
    write(() -> {
      var resource = realm().users().get(userId);
      UserRepresentation user = resource.toRepresentation();
      var attributes = user.getAttributes() == null ? new java.util.HashMap<String, List<String>>()
          : new java.util.HashMap<>(user.getAttributes());
      attributes.put(DELEGATIONS_ATTRIBUTE, new ArrayList<>(delegations));
      user.setAttributes(attributes);
      resource.update(user);
      return null;
    });
  }

  private <T> T read(Supplier<T> call) {
    return guarded(Retry.decorateSupplier(readRetry, CircuitBreaker.decorateSupplier(breaker, call)));
  }

  private <T> T write(Supplier<T> call) {
    return guarded(CircuitBreaker.decorateSupplier(breaker, call));
  }

  private static <T> T guarded(Supplier<T> call) {
    try {
      return call.get();
    } catch (CallNotPermittedException open) {
      throw new DirectoryUnavailable("Keycloak is unavailable (circuit open)", open);
    } catch (RuntimeException e) {
      if (isOutage(e)) throw new DirectoryUnavailable("Keycloak is unavailable: " + e.getClass().getSimpleName(), e);
      throw e;
    }
  }

  /** No answer, a server error, or our admin login refused: nothing this request can fix. */
  static boolean isOutage(Throwable e) {
    return e instanceof ProcessingException || e instanceof ServerErrorException || e instanceof NotAuthorizedException
        || (e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() >= 500);
  }

  private RealmResource realm() {
    Keycloak client = keycloak;
    if (client == null) {
      synchronized (this) {
        if (keycloak == null) {
          var http = ClientBuilder.newBuilder()
              .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
              .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
          if (http instanceof org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder resteasy) resteasy.connectionPoolSize(16);
          keycloak = KeycloakBuilder.builder().serverUrl(admin.url()).realm("master").clientId("admin-cli")
              .username(admin.username()).password(admin.password()).resteasyClient(http.build()).build();
        }
        client = keycloak;
      }
    }
    return client.realm(REALM);
  }

  /** Part of readiness: while the breaker is open, requests needing Keycloak would only get 503s. */
  @Override
  public Health health() {
    return switch (breaker.getState()) {
      case OPEN, FORCED_OPEN -> Health.outOfService().withDetail("circuit", breaker.getState().name()).build();
      default -> Health.up().withDetail("circuit", breaker.getState().name()).build();
    };
  }

  @Override
  public void close() {
    if (keycloak != null) keycloak.close();
  }
}
