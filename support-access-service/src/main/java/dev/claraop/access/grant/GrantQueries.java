package dev.claraop.access.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Role;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Grants as each caller may see them (see {@link Callers#sees}), with their status at the time of reading. */
@Component
public class GrantQueries {

  static final int LIMIT = 200;
  private final GrantStore store;

  GrantQueries(GrantStore store) {
    this.store = store;
  }

  /** Newest first, at most {@value #LIMIT}. */
  public List<GrantView> list(ClaraPrincipal caller, GrantStatus status) {
    Criteria visible;
    if (caller.has(Role.SUPPORT_REVIEWER)) {
      visible = new Criteria();
    } else if (caller.has(Role.ADMIN)) {
      visible = where("tenantId").is(caller.tenantId());
    } else {
      visible = where("requestedBy").is(caller.userId());
    }
    Instant now = store.now();
    return store.find(new Query(visible).with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(LIMIT)).stream()
        .map(g -> GrantView.of(g, now))
        .filter(g -> status == null || g.status() == status)
        .toList();
  }

  public GrantView one(ClaraPrincipal caller, String id) {
    return GrantView.of(Callers.visible(caller, store.get(id)), store.now());
  }
}
