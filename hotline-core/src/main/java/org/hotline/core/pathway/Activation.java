package org.hotline.core.pathway;

import java.time.Instant;

/**
 * One entry of the persisted activation schedule: from {@code effectiveAt} on, version {@code versionId}
 * routes tips, until an entry with a later effective time takes over. Entries are only ever added, so the
 * version that should be active at any instant is a pure function of the schedule and every node agrees.
 */
public record Activation(String id, String versionId, String label, Instant effectiveAt, String requestedBy,
        Instant requestedAt, String reason, Kind kind) {

    /** Why the entry was added: the first start seeding the file, a planned activation, or a rollback. */
    public enum Kind { SEED, ACTIVATE, ROLLBACK }
}
