package dev.claraop.platform.security;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.access.StaffRead;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Staff reads under a support grant ({@value #HEADER}), in every servlet service, after its security chain has
 * authenticated the token (whichever chain the service runs):
 * <ol>
 *   <li>only staff, only reads (GET/HEAD), only a grant that exists, is theirs and is active: otherwise 403;
 *       a grant that cannot be checked is a 503, never an admission (fail closed);</li>
 *   <li>the request then acts in the grant's tenant with the grant's scopes as its only authorities, so a route
 *       admits it only where it names the scope ({@link GrantScope});</li>
 *   <li>the answer is held back until its {@code access.staff-read} event is stored ({@link StaffReads}): a read
 *       that could not be recorded is not delivered (503).</li>
 * </ol>
 */
public class SupportGrantFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Support-Grant";
  private static final Logger log = LoggerFactory.getLogger(SupportGrantFilter.class);
  private static final EventCodec CODEC = new EventCodec();

  private final SupportGrants grants;
  private final StaffReads reads;
  private final Clock clock;
  private final StaffReadMeter meter;

  /** @param reads null in a service that serves no staff reads: every grant is refused there */
  SupportGrantFilter(SupportGrants grants, StaffReads reads, Clock clock, MeterRegistry meters) {
    this.grants = grants;
    this.reads = reads;
    this.clock = clock;
    this.meter = new StaffReadMeter(meters);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String grantId = request.getHeader(HEADER);
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (grantId == null || grantId.isBlank() || !(authentication instanceof JwtAuthenticationToken token)) {
      chain.doFilter(request, response); // anonymous callers were already answered (or are on an open path)
      return;
    }
    ClaraPrincipal caller = CurrentPrincipalResolver.current(authentication);
    SupportGrant grant;
    try {
      if (!caller.isStaff()) throw new SupportGrantRefused("Only staff act under a support grant.");
      if (!isRead(request)) throw new SupportGrantRefused("A support grant admits reads only.");
      if (reads == null) throw new SupportGrantRefused("This service serves no reads under a support grant.");
      grant = grants.admit(caller, grantId, token.getToken().getTokenValue());
    } catch (SupportGrantRefused refused) {
      meter.refused();
      ProblemSecurityHandlers.write(response, ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden",
          refused.getMessage()));
      return;
    } catch (GrantCheckFailed failed) {
      log.warn("support grant not checked, read refused: {}", failed.getMessage());
      meter.unchecked();
      unavailable(response, "The support grant could not be checked; nothing is read under it until it can be.");
      return;
    }
    serve(request, response, chain, token, ClaraPrincipal.underGrant(caller, grant));
  }

  private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      JwtAuthenticationToken token, ClaraPrincipal reader) throws ServletException, IOException {
    SecurityContext before = SecurityContextHolder.getContext();
    SecurityContext underGrant = SecurityContextHolder.createEmptyContext();
    underGrant.setAuthentication(ClaraAuthentication.underGrant(token.getToken(), reader));
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    SecurityContextHolder.setContext(underGrant);
    try {
      chain.doFilter(request, held);
    } catch (IOException | ServletException | RuntimeException e) {
      // Method security's refusal travels up as an exception to the chain's handler, which answers 403.
      record(reader, request, deniedAccess(e) ? 403 : 500);
      throw e;
    } finally {
      SecurityContextHolder.setContext(before);
    }
    if (record(reader, request, held.getStatus())) {
      held.copyBodyToResponse();
    } else {
      held.resetBuffer();
      response.reset(); // nothing of the read's answer, headers included, leaves unrecorded
      unavailable(response, "The read could not be recorded, so it is not delivered. Try again.");
    }
  }

  private boolean record(ClaraPrincipal reader, HttpServletRequest request, int status) {
    SupportGrant grant = reader.grant();
    meter.answered(grant, status);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String resource = request.getRequestURI().substring(request.getContextPath().length());
    if (resource.length() > 512) resource = resource.substring(0, 512);
    StaffRead read = new StaffRead(grant.id(), reader.userId(), grant.reason(), grant.ticketId(), grant.approvedBy(),
        grant.scopes().stream().map(Enum::name).sorted().toList(), request.getMethod(), resource, status,
        grant.basis(), at);
    EventEnvelope event = CODEC.envelope(EventTypes.ACCESS_STAFF_READ, UUID.randomUUID(), at, grant.tenantId(),
        Actor.staff(reader.userId(), grant.id()), grant.id(), CorrelationIdFilter.current(), null, read);
    try {
      reads.record(event);
      return true;
    } catch (RuntimeException e) {
      log.error("staff read under grant {} not recorded, answer withheld: {}", grant.id(), e.getClass().getSimpleName());
      return false;
    }
  }

  /** Whether the failure is a refusal somewhere in its causes (the dispatcher wraps what a handler throws). */
  private static boolean deniedAccess(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AccessDeniedException) return true;
    }
    return false;
  }

  private static boolean isRead(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  private static void unavailable(HttpServletResponse response, String detail) throws IOException {
    response.setHeader("Retry-After", "5");
    ProblemSecurityHandlers.write(response, ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
        "Service Unavailable", detail));
  }
}
