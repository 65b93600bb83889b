package org.hotline.core.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One stored link of the audit chain: the event, its place ({@code seq}, from 1, without gaps), when it was
 * recorded, the {@code hash} of the entry before it ({@link AuditChain#GENESIS} for the first) and its own
 * {@code hash} over all of that (see {@link AuditChain#hash}). {@code seal} is an HMAC of {@code hash} under
 * a key kept outside the database, so that someone who can only write to MongoDB cannot forge a consistent
 * chain.
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String target,
        Map<String, String> details, String prevHash, String hash, String seal) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
