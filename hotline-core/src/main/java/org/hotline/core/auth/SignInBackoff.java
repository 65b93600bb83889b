package org.hotline.core.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.hotline.core.storage.MongoStore;

/**
 * Wrong-password back-off in collection {@code signin_backoff}, the same for usernames that exist and those that
 * do not (so it tells nobody which exist). Counted per username and source address: after
 * {@value #FREE_FAILURES} failures in a row that pair waits {@link #BASE_WAIT}, doubling with each further failure
 * up to {@link #MAX_WAIT}; a guesser at one address is slowed to a few tries an hour while the account's owner,
 * elsewhere, still signs in. Counted per username over all addresses too, with a much higher threshold
 * ({@value #ACCOUNT_FREE_FAILURES}), against guessing spread over many addresses. A supervisor or administrator
 * lifts both at once ({@link #clear}). Names are stored as SHA-256 only; counters untouched for a day are purged.
 */
final class SignInBackoff {

    static final int FREE_FAILURES = 5;
    static final int ACCOUNT_FREE_FAILURES = 50;
    static final Duration BASE_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final int CLEAN_EVERY = 200;

    private final MongoCollection<Document> counters;
    private final Clock clock;
    private final AtomicLong writes = new AtomicLong();

    SignInBackoff(MongoStore store, Clock clock) {
        this.counters = store.database().getCollection("signin_backoff");
        this.clock = clock;
    }

    /** When the pair (or the whole username) may try again, if it must wait now. */
    Optional<Instant> waitUntil(String username, String source) {
        Instant now = clock.instant();
        Instant latest = null;
        for (Document d : counters.find(Filters.in("_id", pairId(username, source), accountId(username)))) {
            Date until = d.getDate("blockedUntil");
            if (until != null && until.toInstant().isAfter(now) && (latest == null || until.toInstant().isAfter(latest))) {
                latest = until.toInstant();
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Counts a wrong password; answers the end of the wait when this failure starts one. */
    Optional<Instant> fail(String username, String source) {
        Instant now = clock.instant();
        Optional<Instant> pair = count(pairId(username, source), username, FREE_FAILURES, now);
        Optional<Instant> account = count(accountId(username), username, ACCOUNT_FREE_FAILURES, now);
        if (writes.incrementAndGet() % CLEAN_EVERY == 0) {
            counters.deleteMany(Filters.lt("touchedAt", Date.from(now.minus(FORGET_AFTER))));
        }
        return pair.isPresent() ? pair : account;
    }

    /** A right password from this source: its count starts again (the account-wide one does not). */
    void succeeded(String username, String source) {
        counters.deleteOne(Filters.eq("_id", pairId(username, source)));
    }

    /** Lifts every wait of {@code username}; answers how many counters there were. */
    long clear(String username) {
        return counters.deleteMany(Filters.eq("account", hash(normal(username)))).getDeletedCount();
    }

    private Optional<Instant> count(String id, String username, int free, Instant now) {
        Document after = counters.findOneAndUpdate(Filters.eq("_id", id), Updates.combine(Updates.inc("failures", 1),
                Updates.set("account", hash(normal(username))), Updates.set("touchedAt", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        int failures = after == null ? 0 : after.getInteger("failures", 0);
        if (failures < free) {
            return Optional.empty();
        }
        Duration wait = BASE_WAIT.multipliedBy(1L << Math.min(failures - free, 20));
        Instant until = now.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
        counters.updateOne(Filters.eq("_id", id), Updates.set("blockedUntil", Date.from(until)));
        return Optional.of(until);
    }

    private static String pairId(String username, String source) {
        return "pair:" + hash(normal(username) + "\n" + source);
    }

    private static String accountId(String username) {
        return "account:" + hash(normal(username));
    }

    private static String normal(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
