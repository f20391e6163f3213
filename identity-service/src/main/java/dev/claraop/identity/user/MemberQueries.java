package dev.claraop.identity.user;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.claraop.identity.directory.DirectoryProfile;
import dev.claraop.identity.directory.DirectoryUnavailable;
import dev.claraop.identity.directory.UserDirectory;
import dev.claraop.identity.pod.PodChanges;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.InvalidRequest;
import dev.claraop.platform.web.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The members of a tenant as its people see them: who, with which role, invited or active. Who belongs to the tenant
 * with which role is identity-service's own record ({@code members}, paged by user id); the address and the sign-in
 * state are Keycloak's, read for the page's users only (a few at a time), so a page costs at most {@code limit} reads
 * of single users. An ADMIN lists every member; a MANAGER the creators of the pods they manage. A member Keycloak no
 * longer knows (removed by hand) is left out.
 */
@Component
class MemberQueries {

  static final int MAX_PAGE = 200;
  /** Keycloak reads in flight for one page; the admin client's connection pool holds 16. */
  private static final int PARALLEL_READS = 8;
  private final MongoTemplate mongo;
  private final UserDirectory directory;
  private final PodChanges pods;

  MemberQueries(MongoTemplate mongo, UserDirectory directory, PodChanges pods) {
    this.mongo = mongo;
    this.directory = directory;
    this.pods = pods;
  }

  /** @param role ADMIN, MANAGER or CREATOR to narrow the list, null for every role */
  Page<MemberView> list(ClaraPrincipal reader, String role, String cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) throw new InvalidRequest("limit", "must be between 1 and " + MAX_PAGE);
    Criteria criteria = where("tenantId").is(reader.tenantId());
    if (role != null && !role.isBlank()) criteria = criteria.and("role").is(Invitations.tenantRole(role).name());
    if (!reader.has(Role.ADMIN)) {
      Set<String> creators = pods.creatorsManagedBy(reader.tenantId(), reader.userId());
      if (creators.isEmpty()) return Page.last(List.of());
      criteria = criteria.and("_id").in(creators);
    }
    if (cursor != null && !cursor.isBlank()) criteria = criteria.and("_id").gt(cursor);
    Query query = new Query(criteria).with(Sort.by(Sort.Direction.ASC, "_id")).limit(limit + 1);
    query.fields().include("tenantId", "role");
    List<Member> found = mongo.find(query, Member.class);
    List<Member> page = found.subList(0, Math.min(limit, found.size()));
    List<MemberView> members = new ArrayList<>();
    List<Optional<DirectoryProfile>> profiles = profiles(page);
    for (int i = 0; i < page.size(); i++) {
      Member member = page.get(i);
      profiles.get(i).ifPresent(p -> members.add(new MemberView(member.userId(), p.email(), member.role(), p.status())));
    }
    return new Page<>(members, found.size() > limit ? page.getLast().userId() : null);
  }

  /** Each member's Keycloak profile, in order; a few reads at a time, so a page of 50 is not 50 round trips in a row. */
  private List<Optional<DirectoryProfile>> profiles(List<Member> page) {
    try (var pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_READS, page.size())),
        Thread.ofVirtual().name("member-profile-", 0).factory())) {
      List<Future<Optional<DirectoryProfile>>> reads = page.stream()
          .map(m -> pool.submit(() -> directory.profile(m.userId()))).toList();
      List<Optional<DirectoryProfile>> profiles = new ArrayList<>();
      for (Future<Optional<DirectoryProfile>> read : reads) profiles.add(read.get());
      return profiles;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) throw failure;
      throw new DirectoryUnavailable("Keycloak read failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DirectoryUnavailable("interrupted while reading Keycloak", e);
    }
  }
}
