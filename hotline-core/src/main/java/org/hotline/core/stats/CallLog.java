package org.hotline.core.stats;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hotline.core.intake.JournaledQueue;
import org.hotline.core.storage.MongoOutage;
import java.time.Duration;
import org.hotline.core.stats.internal.CallRecordBatches;
import org.bson.Document;
import org.hotline.core.storage.MongoStore;
import org.hotline.ivr.CapturedTip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one small record per call in collection {@value #CALLS}, so that statistics count every call, also
 * those that left no tip (busy, follow-up calls, hang-ups before intake). A record holds no personal data:
 * time, flow, the status the dialplan saw, outcome, language, the last flow node and the region code if the
 * caller gave one; never the number, the call id or answers.
 *
 * <p>The IVR calls the hooks on the call's own thread, which must not wait for MongoDB: a record is queued and
 * written with the others of the last {@value #LINGER_MS} ms in one round trip, on a background thread
 * ({@link CallRecordBatches}). While MongoDB cannot be reached, or when a write fails for any reason, the batch
 * goes to the node's call-record journal instead, which writes it when MongoDB takes it ({@link #insertAllAbsent}:
 * each record has its own {@code _id}, so a replay writes it once). Beyond {@value #QUEUED} records waiting a
 * record is lost and logged: statistics are not worth slowing a caller down. {@link #close()} writes what is
 * queued and refuses new records (orderly shutdown, tests).
 */
public final class CallLog implements AutoCloseable {

    public static final String CALLS = "calls";
    private static final Logger LOG = LoggerFactory.getLogger(CallLog.class);
    private static final int QUEUED = 10_000;
    private static final long LINGER_MS = 500;
    private static final Map<String, String> OUTCOME_BY_STATUS = Map.of(
            "DONE", "COMPLETED", "OPERATOR", "OPERATOR", "EMERGENCY", "EMERGENCY", "HANGUP", "ABANDONED",
            "BUSY", "BUSY", "FAILED", "FAILED");

    private final MongoCollection<Document> calls;
    private final Clock clock;
    private final CallRecordBatches batches;
    private final Optional<JournaledQueue> journal;
    private final BooleanSupplier mongoDown;
    /** Whether the last write failed for another reason than an outage (said once, not once a batch). */
    private boolean refusedBefore;

    /** A call log that loses a record MongoDB does not take (tools, tests). */
    public CallLog(MongoStore mongo, Clock clock) {
        this(mongo, clock, Optional.empty(), () -> false);
    }

    /**
     * A call log that keeps records in {@code journal} while {@code mongoDown} says MongoDB is away or a write
     * finds it so; the journal's writer must be {@link #insertAllAbsent} over the same store.
     */
    public CallLog(MongoStore mongo, Clock clock, Optional<JournaledQueue> journal, BooleanSupplier mongoDown) {
        this.calls = mongo.database().getCollection(CALLS);
        this.clock = clock;
        this.journal = journal;
        this.mongoDown = mongoDown;
        this.batches = new CallRecordBatches(QUEUED, Duration.ofMillis(LINGER_MS), this::store);
    }

    /** Writes records kept in the journal, each only if absent (a replay changes nothing). */
    public static Consumer<List<Document>> insertAllAbsent(MongoStore mongo) {
        return JournaledQueue.insertAllAbsent(mongo.database().getCollection(CALLS));
    }

    /** A flow ended with {@code status}; {@code tip} is what it captured, or null. */
    public void flowEnded(String flowLabel, String status, CapturedTip tip) {
        Document doc = new Document("_id", UUID.randomUUID().toString()).append("at", Date.from(clock.instant()))
                .append("flow", flowLabel)
                .append("status", status);
        if (tip != null) {
            doc.append("outcome", tip.outcome().name())
                    .append("language", tip.language())
                    .append("lastNode", tip.lastNode())
                    .append("region", tip.answers().get("region"));
        } else {
            doc.append("outcome", OUTCOME_BY_STATUS.getOrDefault(status, status));
        }
        write(doc);
    }

    /** A call beyond capacity heard the busy prompt. */
    public void busy(String language) {
        write(new Document("_id", UUID.randomUUID().toString()).append("at", Date.from(clock.instant()))
                .append("status", "BUSY").append("outcome", "BUSY")
                .append("language", language));
    }

    private void write(Document doc) {
        if (!batches.offer(doc)) {
            LOG.warn("Call record dropped: {} records already waiting, or the call log is closed", QUEUED);
        }
    }

    private void store(List<Document> batch) {
        if (journal.isPresent() && mongoDown.getAsBoolean()) {
            batch.forEach(journal.get()::add);
            return;
        }
        try {
            calls.insertMany(batch, new com.mongodb.client.model.InsertManyOptions().ordered(false));
            refusedBefore = false;
        } catch (RuntimeException e) {
            if (journal.isEmpty()) {
                throw e;
            }
            // MongoDB away or refusing for another reason: the journal keeps the batch and its writer tries again
            // until MongoDB takes it. Record ids are fresh, so a record the failed insert did store is written once
            // more as a no-op upsert.
            batch.forEach(journal.get()::add);
            if (!MongoOutage.isOutage(e) && !refusedBefore) {
                refusedBefore = true;
                LOG.warn("Call records not written ({}); they wait in the call-record journal", e.toString());
            }
        }
    }

    /** Writes the records queued (for at most five seconds); later records are dropped. */
    @Override
    public void close() {
        batches.close();
    }
}
