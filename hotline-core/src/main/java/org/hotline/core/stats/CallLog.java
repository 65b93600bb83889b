package org.hotline.core.stats;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
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
 * <p>The IVR calls the hooks on the call's own thread, which must not wait for MongoDB; records are written by
 * one background thread from a bounded queue. A full queue or a failed write loses that record (it is logged):
 * statistics are not worth slowing a caller down.
 */
public final class CallLog implements AutoCloseable {

    public static final String CALLS = "calls";
    private static final Logger LOG = LoggerFactory.getLogger(CallLog.class);
    private static final int QUEUE = 10_000;
    private static final Map<String, String> OUTCOME_BY_STATUS = Map.of(
            "DONE", "COMPLETED", "OPERATOR", "OPERATOR", "EMERGENCY", "EMERGENCY", "HANGUP", "ABANDONED",
            "BUSY", "BUSY", "FAILED", "FAILED");

    private final MongoCollection<Document> calls;
    private final Clock clock;
    private final ExecutorService writer;

    public CallLog(MongoStore mongo, Clock clock) {
        this.calls = mongo.database().getCollection(CALLS);
        this.clock = clock;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                Thread.ofPlatform().name("call-log").daemon(true).factory());
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
        try {
            writer.execute(() -> {
                try {
                    calls.insertOne(doc);
                } catch (RuntimeException e) {
                    LOG.warn("Call record not stored ({}); statistics will miss one call", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Call record dropped: the call log queue is full or closed");
        }
    }

    /** Writes what is queued (waiting up to five seconds), then stops. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Call log closed with records still queued");
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
        }
    }
}
