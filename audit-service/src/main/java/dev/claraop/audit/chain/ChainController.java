package dev.claraop.audit.chain;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.audit.entry.AuditEntry;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.InvalidRequest;
import dev.claraop.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant ADMIN checks their tenant's chain, and downloads its signed daily digests to keep outside. */
@RestController
@RequestMapping("/api/audit")
class ChainController {

  private final ChainVerification verification;
  private final DigestSigner signer;
  private final MongoTemplate mongo;

  ChainController(ChainVerification verification, DigestSigner signer, MongoTemplate mongo) {
    this.verification = verification;
    this.signer = signer;
    this.mongo = mongo;
  }

  @GetMapping("/verify")
  @PreAuthorize("hasRole('ADMIN')")
  ChainVerification.Result verify(
      ClaraPrincipal admin,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    if (from != null && to != null && !from.isBefore(to)) throw new InvalidRequest("from", "must be before to");
    return verification.verify(admin.tenantId(), from, to);
  }

  record HeldDigests(@NotNull(message = "is required") List<DailyDigest> digests) {}

  /**
   * Verifies the chain against digests the tenant kept outside ClaraOP: each must carry our signature, and
   * the chain must still end each sealed day on the hash the digest recorded. This catches a chain that
   * was rewritten and re-hashed in the database, which the chain alone cannot.
   */
  @PostMapping("/verify")
  @PreAuthorize("hasRole('ADMIN')")
  ChainVerification.Result verifyAgainst(ClaraPrincipal admin, @Valid @RequestBody HeldDigests held) {
    ChainVerification.Result chain = verification.verify(admin.tenantId(), null, null);
    if (!chain.ok()) return chain;
    String ownChain = AuditChain.chainOf(admin.tenantId());
    for (DailyDigest digest : held.digests()) {
      if (digest == null || !ownChain.equals(digest.chain()) || !signer.isGenuine(digest)) {
        throw new InvalidRequest("digests", "holds a digest this service did not sign for this tenant");
      }
      AuditEntry sealedLast = mongo.findOne(query(where("chain").is(ownChain).and("sequence").is(digest.lastSequence())),
          AuditEntry.class);
      DailyDigest kept = mongo.findById(digest.id(), DailyDigest.class);
      if (sealedLast == null && (kept == null || !kept.hash().equals(digest.hash()))) {
        return new ChainVerification.Result(false, chain.entriesChecked(), null,
            "the day " + digest.day() + " sealed by a held digest is gone, and so is its digest");
      }
      if (sealedLast != null && !sealedLast.hash().equals(digest.lastHash())) {
        return new ChainVerification.Result(false, chain.entriesChecked(), sealedLast.id(),
            "the chain no longer ends " + digest.day() + " on the hash its held digest sealed");
      }
    }
    return chain;
  }

  @GetMapping("/digests")
  @PreAuthorize("hasRole('ADMIN')")
  Page<DailyDigest> digests(ClaraPrincipal admin) {
    return Page.last(mongo.find(query(where("chain").is(AuditChain.chainOf(admin.tenantId()))).with(Sort.by("day")),
        DailyDigest.class));
  }
}
