package dev.claraop.platform.security;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks support-access-service for a grant ({@code GET /api/support-access/grants/{id}}) with the caller's own
 * bearer token: the service shows staff only their own grants, so no service credential is needed and a token
 * cannot learn about grants its owner could not see anyway. A 4xx answer means "no such grant for this caller";
 * anything else that is not a 200 is a failed check.
 */
public class SupportAccessClient implements GrantSource {

  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final RestClient http;

  public SupportAccessClient(SupportAccessSettings settings) {
    this(RestClient.builder(), settings);
  }

  SupportAccessClient(RestClient.Builder builder, SupportAccessSettings settings) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    requests.setReadTimeout(settings.timeout());
    this.http = builder.baseUrl(settings.url().toString()).requestFactory(requests).build();
  }

  @Override
  public Optional<SupportGrant> find(String grantId, String bearerToken) {
    String body;
    try {
      body = http.get().uri("/api/support-access/grants/{id}", grantId)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
          .exchange((request, response) -> {
            if (response.getStatusCode().is4xxClientError()) return null;
            if (!response.getStatusCode().is2xxSuccessful()) {
              throw new GrantCheckFailed("support-access answered " + response.getStatusCode().value(), null);
            }
            return new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          });
    } catch (RestClientException e) {
      throw new GrantCheckFailed("support-access unreachable: " + e.getClass().getSimpleName(), e);
    }
    if (body == null) return Optional.empty();
    try {
      return Optional.of(JSON.readValue(body, GrantBody.class).grant());
    } catch (JacksonException | IllegalArgumentException e) {
      throw new GrantCheckFailed("support-access answered an unreadable grant", e);
    }
  }

  /** The fields of support-access-service's grant view this check relies on (DESIGN §8); others are ignored. */
  record GrantBody(String id, String tenantId, String requestedBy, String approvedBy, String consentBy,
      String reviewedBy, String reason, String ticketId, List<String> scopes, String status, Instant expiresAt,
      String basis) {

    SupportGrant grant() {
      Set<GrantScope> known = EnumSet.noneOf(GrantScope.class);
      for (String scope : scopes == null ? List.<String>of() : scopes) {
        for (GrantScope candidate : GrantScope.values()) if (candidate.name().equals(scope)) known.add(candidate);
      }
      List<String> approvers = Stream.of(consentBy, reviewedBy, approvedBy)
          .filter(a -> a != null && !a.isBlank()).distinct().toList();
      return new SupportGrant(id, tenantId, requestedBy, approvers, reason, ticketId, known, status, expiresAt, basis);
    }
  }
}
