package org.hotline.core.audit.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in MongoDB: append-only and hash-chained. The entry's {@code _id} is its sequence number,
 * so the unique {@code _id} index orders appends from several nodes: each node links its entry to the
 * newest one it saw and inserts it at the next number; if another node took that number first the insert
 * fails with a duplicate key, and the node re-reads the head and tries again. Nothing here ever updates or
 * deletes an entry. {@code audit_head} remembers the highest number written, so that cutting entries off the
 * end of the chain is noticed by the verifier too. Writing is blocking (the synchronous driver): call it from
 * worker threads, never from a Vert.x event loop.
 */
public final class MongoAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(MongoAuditLog.class);
    private static final int MAX_ATTEMPTS = 100;

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> head;
    private final AuditChain chain;
    private final Clock clock;
    private final AtomicLong failures = new AtomicLong();
    private final Runnable onFailure;
    private AuditEntry last;

    public MongoAuditLog(MongoDatabase database, AuditChain chain, Clock clock) {
        this(database, chain, clock, () -> { });
    }

    /** {@code onFailure} runs for every event that could not be written (e.g. a metrics counter). */
    public MongoAuditLog(MongoDatabase database, AuditChain chain, Clock clock, Runnable onFailure) {
        this.entries = database.getCollection(AuditDocuments.COLLECTION);
        this.head = database.getCollection(AuditDocuments.HEAD_COLLECTION);
        this.chain = chain;
        this.clock = clock;
        this.onFailure = onFailure;
    }

    /** Records the event; a failure is logged and counted ({@link #failures()}), never thrown. */
    @Override
    public void record(AuditEvent event) {
        try {
            append(event);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            onFailure.run();
            LOG.error("Could not write audit event {} ({}): {}", event.action(), event.actor(), e.getMessage());
        }
    }

    /**
     * Appends the event and returns the stored entry.
     *
     * @throws IllegalStateException when MongoDB refuses the entry or the head keeps moving
     */
    public synchronized AuditEntry append(AuditEvent event) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            AuditEntry previous = last != null ? last : newest();
            long seq = previous == null ? 1 : previous.seq() + 1;
            String prevHash = previous == null ? AuditChain.GENESIS : previous.hash();
            AuditEntry entry = chain.link(seq, clock.instant(), event, prevHash);
            try {
                entries.insertOne(AuditDocuments.document(entry));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    last = null; // another node appended first: link to its entry instead
                    continue;
                }
                throw e;
            }
            last = entry;
            advanceHead(seq);
            return entry;
        }
        throw new IllegalStateException("the audit chain head kept moving; gave up after " + MAX_ATTEMPTS + " attempts");
    }

    /** How many events could not be recorded since start. */
    public long failures() {
        return failures.get();
    }

    private AuditEntry newest() {
        Document d = entries.find().sort(Sorts.descending("_id")).limit(1).first();
        return d == null ? null : AuditDocuments.entry(d);
    }

    private void advanceHead(long seq) {
        try {
            head.updateOne(Filters.eq("_id", AuditDocuments.HEAD_ID), Updates.max("seq", seq),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Two nodes created the head at once; the one that lost only has to raise it.
            head.updateOne(Filters.eq("_id", AuditDocuments.HEAD_ID), Updates.max("seq", seq));
        }
    }
}
