package dev.claraop.audit.chain;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Where a tenant's chain ends: the last entry's sequence and hash. A cache of the chain, repaired from it. */
@Document("audit_chain_heads")
record ChainHead(@Id String chain, long sequence, String hash) {}
