package org.hotline.core.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Counts failed attempts per subject in fixed time windows, in MongoDB so that the limit holds across
 * calls and nodes (collection {@code attempt_limits}, one document per limit, subject and window). Subjects
 * are never personal data in clear: callers are counted by their keyed hash.
 */
public final class AttemptLimiter {

    /** At most {@code max} failures per {@code window} for one subject. */
    public record Limit(String name, int max, Duration window) {
        public Limit {
            if (max < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("limit " + name + " needs max >= 1 and a positive window");
            }
        }
    }

    private static final int CLEAN_EVERY = 200;

    private final MongoCollection<Document> counters;
    private final Clock clock;
    private final AtomicLong writes = new AtomicLong();

    public AttemptLimiter(MongoDatabase database, Clock clock) {
        this.counters = database.getCollection("attempt_limits");
        this.clock = clock;
    }

    /** True when {@code subject} has used up {@code limit} in the current window. */
    public boolean exhausted(Limit limit, String subject) {
        Document d = counters.find(Filters.eq("_id", id(limit, subject, clock.instant()))).first();
        return d != null && d.get("count", Number.class).intValue() >= limit.max();
    }

    /** Counts one failure of {@code subject} against {@code limit}. */
    public void fail(Limit limit, String subject) {
        Instant now = clock.instant();
        Instant windowEnd = windowStart(limit, now).plus(limit.window());
        var filter = Filters.eq("_id", id(limit, subject, now));
        var update = Updates.combine(Updates.inc("count", 1), Updates.setOnInsert("expiresAt", Date.from(windowEnd)));
        try {
            counters.updateOne(filter, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another node created the counter at the same moment; it exists now
            counters.updateOne(filter, update);
        }
        if (writes.incrementAndGet() % CLEAN_EVERY == 0) {
            counters.deleteMany(Filters.lt("expiresAt", Date.from(now)));
        }
    }

    private static String id(Limit limit, String subject, Instant now) {
        return limit.name() + ":" + subject + ":" + windowStart(limit, now).toEpochMilli();
    }

    private static Instant windowStart(Limit limit, Instant now) {
        long size = limit.window().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
    }
}
