package org.hotline.core.stats;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * <p>The IVR calls the hooks on the call's own thread, which must not wait for MongoDB; each record is written
 * on a virtual thread, at most {@value #IN_FLIGHT} at a time. Beyond that, or when a write fails, the record is
 * lost and logged: statistics are not worth slowing a caller down. Nothing needs closing; {@link #close()} waits
 * for writes in flight and refuses new ones (orderly shutdown, tests).
 */
public final class CallLog implements AutoCloseable {

    public static final String CALLS = "calls";
    private static final Logger LOG = LoggerFactory.getLogger(CallLog.class);
    private static final int IN_FLIGHT = 1_000;
    private static final Map<String, String> OUTCOME_BY_STATUS = Map.of(
            "DONE", "COMPLETED", "OPERATOR", "OPERATOR", "EMERGENCY", "EMERGENCY", "HANGUP", "ABANDONED",
            "BUSY", "BUSY", "FAILED", "FAILED");

    private final MongoCollection<Document> calls;
    private final Clock clock;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);

    public CallLog(MongoStore mongo, Clock clock) {
        this.calls = mongo.database().getCollection(CALLS);
        this.clock = clock;
    }

    /** A flow ended with {@code status}; {@code tip} is what it captured, or null. */
    public void flowEnded(String flowLabel, String status, CapturedTip tip) {
        Document doc = new Document("at", Date.from(clock.instant()))
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
        write(new Document("at", Date.from(clock.instant())).append("status", "BUSY").append("outcome", "BUSY")
                .append("language", language));
    }

    private void write(Document doc) {
        if (!slots.tryAcquire()) {
            LOG.warn("Call record dropped: {} writes already in flight, or the call log is closed", IN_FLIGHT);
            return;
        }
        Thread.ofVirtual().name("call-log").start(() -> {
            try {
                calls.insertOne(doc);
            } catch (RuntimeException e) {
                LOG.warn("Call record not stored ({}); statistics will miss one call", e.getMessage());
            } finally {
                slots.release();
            }
        });
    }

    /** Waits up to five seconds for writes in flight; later records are dropped. */
    @Override
    public void close() {
        try {
            if (!slots.tryAcquire(IN_FLIGHT, 5, TimeUnit.SECONDS)) {
                LOG.warn("Call log closed with writes still in flight");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
