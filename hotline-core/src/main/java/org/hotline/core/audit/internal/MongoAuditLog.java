package org.hotline.core.audit.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.audit.AuditVerification;
import org.hotline.core.storage.MongoOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in MongoDB: append-only and hash-chained. The entry's {@code _id} is its sequence number,
 * so the unique {@code _id} index orders appends from several nodes: each node links its entry to the
 * newest one it saw and inserts it at the next number; if another node took that number first the insert
 * fails with a duplicate key, and the node re-reads the head and tries again. Nothing here ever updates or
 * deletes an entry. {@code audit_head} remembers the highest number written and the hash there, sealed with
 * the chain's key, so that cutting entries off the end of the chain and moving the head back is noticed by the
 * verifier and by {@link #open} when a node starts. Writing is blocking (the synchronous driver): call it from
 * worker threads, never from a Vert.x event loop.
 */
public final class MongoAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(MongoAuditLog.class);
    private static final int MAX_ATTEMPTS = 100;
    /** The action of the entry that records a loss at the end of the chain and re-anchors the head on it. */
    public static final String RESEALED = "audit.head.resealed";

    private final MongoCollection<Document> entries;
    private final AuditHeadStore head;
    private final AuditChain chain;
    private final Clock clock;
    private final AtomicLong failures = new AtomicLong();
    private final Runnable onFailure;
    private AuditEntry last;
    /** Most audit events kept in memory during an outage; beyond, each is logged as lost. */
    public static final int MAX_WAITING = 10_000;
    private final java.util.Deque<AuditEvent> waiting = new java.util.ArrayDeque<>();

    public MongoAuditLog(MongoDatabase database, AuditChain chain, Clock clock) {
        this(database, chain, clock, () -> { });
    }

    /** {@code onFailure} runs for every event that could not be written (e.g. a metrics counter). */
    public MongoAuditLog(MongoDatabase database, AuditChain chain, Clock clock, Runnable onFailure) {
        this.entries = database.getCollection(AuditDocuments.COLLECTION);
        this.head = new AuditHeadStore(database, chain);
        this.chain = chain;
        this.clock = clock;
        this.onFailure = onFailure;
    }

    /**
     * Opens the log for a node to add to, after checking the end of the chain ({@link MongoAuditVerifier#verifyEnd}):
     * a node never chains onto a log whose last entries were cut off or whose head seal does not match.
     *
     * @throws IllegalStateException naming what was found and what to do
     */
    public static MongoAuditLog open(MongoDatabase database, AuditChain chain, Clock clock, Runnable onFailure) {
        if (new MongoAuditVerifier(database, chain).verifyEnd() instanceof AuditVerification.Tampered bad) {
            String message = "the end of the audit log does not check out: " + bad.problem() + ". This node will not"
                    + " add to it. Run './hotline audit verify' to see the whole chain; then restore the audit_log and"
                    + " audit_head collections from a backup, or record the loss in the log and re-anchor its head with"
                    + " './hotline audit reseal'";
            LOG.error("{}", message);
            throw new IllegalStateException(message);
        }
        return new MongoAuditLog(database, chain, clock, onFailure);
    }

    /**
     * Records that {@code found} (what the verifier reported) was accepted by {@code actor}, as a {@link #RESEALED}
     * entry chained onto the newest entry, and points the head at that entry whatever it held before.
     */
    public synchronized AuditEntry reseal(String actor, String found) {
        last = null; // chain onto what is stored now, not onto what this log wrote last
        AuditEntry entry = append(new AuditEvent(actor, RESEALED, AuditDocuments.HEAD_COLLECTION, Map.of("found", found)));
        head.reanchor(entry);
        return entry;
    }

    /**
     * Records the event; a failure is logged and counted ({@link #failures()}), never thrown. While MongoDB cannot be
     * reached the event waits in this node's memory (at most {@link #MAX_WAITING}, with the time it happened as
     * {@code occurredAt}) and is written before the next event, or by {@link #writeWaiting()} when MongoDB is back.
     */
    @Override
    public void record(AuditEvent event) {
        try {
            writeWaiting();
            append(event);
        } catch (RuntimeException e) {
            if (MongoOutage.isOutage(e) && keepForLater(event)) {
                return;
            }
            failures.incrementAndGet();
            onFailure.run();
            LOG.error("Could not write audit event {} ({}): {}", event.action(), event.actor(), e.getMessage());
        }
    }

    /** Writes the events kept during an outage, oldest first; throws (keeping the rest) when MongoDB fails again. */
    public void writeWaiting() {
        while (true) {
            AuditEvent next;
            synchronized (waiting) {
                next = waiting.peekFirst();
            }
            if (next == null) {
                return;
            }
            append(next);
            synchronized (waiting) {
                waiting.pollFirst();
            }
        }
    }

    /** Events waiting for MongoDB. */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    private boolean keepForLater(AuditEvent event) {
        Map<String, String> details = new java.util.HashMap<>(event.details());
        details.putIfAbsent("occurredAt", clock.instant().toString());
        synchronized (waiting) {
            if (waiting.size() >= MAX_WAITING) {
                return false;
            }
            waiting.addLast(new AuditEvent(event.actor(), event.action(), event.target(), details));
            return true;
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
            head.advance(entry);
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
}
