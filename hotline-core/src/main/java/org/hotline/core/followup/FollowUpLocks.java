package org.hotline.core.followup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.bson.Document;
import org.hotline.core.storage.MongoStore;

/**
 * Wrong follow-up PINs per reference, in collection {@code followup_locks}, one document per reference keyed by
 * its keyed hash (so the collection does not list references). Kept apart from the tips on purpose: an unknown
 * reference is counted and locked exactly like a real one, so the caller cannot tell them apart. After
 * {@value #MAX_FAILURES} wrong PINs the reference is locked for {@link #LOCK_PERIOD} only, and an operator who
 * has checked the caller may reopen it at once ({@link #reopen}); the counter update is atomic across nodes.
 */
public final class FollowUpLocks {

    static final int MAX_FAILURES = 3;
    /** Short, so a stranger cannot keep a victim out of their own case for long; an operator can reopen sooner. */
    static final Duration LOCK_PERIOD = Duration.ofMinutes(15);
    /** A counter untouched this long is dropped (our own purge: the embedded server has no TTL indexes). */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final int CLEAN_EVERY = 200;

    private final MongoCollection<Document> locks;
    private final Function<String, String> referenceKey;
    private final Clock clock;
    private final AtomicLong writes = new AtomicLong();

    /** @param referenceKey maps a reference to its keyed hash */
    public FollowUpLocks(MongoStore store, Function<String, String> referenceKey, Clock clock) {
        this.locks = store.database().getCollection("followup_locks");
        this.referenceKey = referenceKey;
        this.clock = clock;
    }

    /** The end of the reference's lock, if it is locked now. */
    public Optional<Instant> lockedUntil(String reference) {
        Document d = locks.find(Filters.eq("_id", referenceKey.apply(reference))).first();
        Date until = d == null ? null : d.getDate("lockedUntil");
        return until != null && until.toInstant().isAfter(clock.instant()) ? Optional.of(until.toInstant()) : Optional.empty();
    }

    /** Counts a wrong PIN; answers the end of the lock when this one locks the reference. */
    public Optional<Instant> fail(String reference) {
        Instant now = clock.instant();
        var id = Filters.eq("_id", referenceKey.apply(reference));
        Document after = locks.findOneAndUpdate(id, Updates.combine(Updates.inc("failures", 1),
                Updates.set("touchedAt", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        cleanNowAndThen(now);
        if (after == null || after.getInteger("failures", 0) < MAX_FAILURES) {
            return Optional.empty();
        }
        Instant until = now.plus(LOCK_PERIOD);
        locks.updateOne(id, Updates.combine(Updates.set("failures", 0), Updates.set("lockedUntil", Date.from(until))));
        return Optional.of(until);
    }

    /** The right PIN: the count starts again. */
    public void succeeded(String reference) {
        locks.deleteOne(Filters.eq("_id", referenceKey.apply(reference)));
    }

    /** Lifts a lock and the count (an operator has checked the caller); true when the reference was locked. */
    public boolean reopen(String reference) {
        boolean locked = lockedUntil(reference).isPresent();
        locks.deleteOne(Filters.eq("_id", referenceKey.apply(reference)));
        return locked;
    }

    private void cleanNowAndThen(Instant now) {
        if (writes.incrementAndGet() % CLEAN_EVERY == 0) {
            Date before = Date.from(now.minus(FORGET_AFTER));
            locks.deleteMany(Filters.and(Filters.lt("touchedAt", before),
                    Filters.or(Filters.exists("lockedUntil", false), Filters.lt("lockedUntil", Date.from(now)))));
        }
    }
}
