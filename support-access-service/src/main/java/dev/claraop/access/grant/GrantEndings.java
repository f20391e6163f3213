package dev.claraop.access.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventTypes;
import dev.claraop.events.access.GrantEnded;
import dev.claraop.events.access.RequestExpired;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How access stops: the ticket closes (every grant and pending request of it ends at once), a tenant ADMIN
 * revokes, or time runs out. Reads of a grant never wait for this to be written: {@link Grant#statusAt}
 * already answers EXPIRED past the expiry; {@link #expireDue()} records it and announces it.
 */
@Component
public class GrantEndings {

  static final String SYSTEM = "support-access-service";
  private final GrantStore store;

  GrantEndings(GrantStore store) {
    this.store = store;
  }

  /** A tenant ADMIN revokes a grant on their tenant; its requester may also give it up early. */
  public GrantView revoke(ClaraPrincipal caller, String id) {
    Grant grant = Callers.visible(caller, store.get(id));
    boolean mayRevoke = caller.has(Role.ADMIN) || grant.requestedBy().equals(caller.userId());
    if (!mayRevoke) throw new org.springframework.security.access.AccessDeniedException("not the tenant's ADMIN");
    GrantStatus status = grant.statusAt(store.now());
    if (status != GrantStatus.ACTIVE) throw new GrantRefused("the grant is " + status + ", not ACTIVE");
    return GrantView.of(end(grant, Callers.actor(caller, id), caller.userId(), EndCause.REVOKED), store.now());
  }

  /** Ends every ACTIVE grant and PENDING request of the ticket; a ticket with nothing open ends nothing. */
  public TicketClosure closeTicket(ClaraPrincipal staff, String ticketId) {
    Instant now = store.now();
    List<String> ended = new ArrayList<>();
    for (Grant grant : store.find(query(where("ticketId").is(ticketId)
        .and("status").in(GrantStatus.PENDING, GrantStatus.ACTIVE)))) {
      GrantStatus status = grant.statusAt(now);
      if (status == GrantStatus.PENDING || status == GrantStatus.ACTIVE) {
        end(grant, Callers.actor(staff, grant.id()), staff.userId(), EndCause.TICKET_CLOSED);
        ended.add(grant.id());
      }
    }
    return new TicketClosure(ticketId, ended);
  }

  /** Writes down what time has already decided: undecided requests and grants past their expiry. */
  public int expireDue() {
    Instant now = store.now();
    int expired = 0;
    for (Grant grant : store.find(query(where("status").is(GrantStatus.PENDING).and("decideBy").lte(now)))) {
      GrantStore.Change change = store.change(grant, Actor.system(SYSTEM)).set("status", GrantStatus.EXPIRED)
          .set("endedAt", grant.decideBy()).set("endedBy", SYSTEM)
          .announce(EventTypes.ACCESS_REQUEST_EXPIRED, new RequestExpired(grant.id(), grant.decideBy()));
      if (applied(change)) expired++;
    }
    for (Grant grant : store.find(query(where("status").is(GrantStatus.ACTIVE).and("expiresAt").lte(now)))) {
      GrantStore.Change change = store.change(grant, Actor.system(SYSTEM)).set("status", GrantStatus.EXPIRED)
          .set("endedAt", grant.expiresAt()).set("endedBy", SYSTEM).set("endCause", EndCause.EXPIRED)
          .announce(EventTypes.ACCESS_GRANT_ENDED, new GrantEnded(grant.id(), grant.ticketId(), EndCause.EXPIRED.name(),
              GrantStatus.ACTIVE.name(), SYSTEM, grant.expiresAt()));
      if (applied(change)) expired++;
    }
    return expired;
  }

  private Grant end(Grant grant, Actor actor, String endedBy, EndCause cause) {
    GrantStore.Change change = store.change(grant, actor);
    return change.set("status", GrantStatus.ENDED).set("endedAt", change.at()).set("endedBy", endedBy)
        .set("endCause", cause)
        .announce(EventTypes.ACCESS_GRANT_ENDED, new GrantEnded(grant.id(), grant.ticketId(), cause.name(),
            grant.status().name(), endedBy, change.at()))
        .apply();
  }

  /** Another instance (or a ticket closing) may have got there first: then there is nothing left to do. */
  private static boolean applied(GrantStore.Change change) {
    try {
      change.apply();
      return true;
    } catch (GrantRefused raced) {
      return false;
    }
  }
}
