package org.hotline.core.storage;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node can reach MongoDB, said once each way in the log. A watch pings MongoDB every
 * {@link #CHECK_EVERY}; when the ping fails it logs one warning that MongoDB is down and what keeps working, and
 * when it answers again one line that it is back, for how long it was away and how much the journals still hold
 * to write (the {@linkplain #backlog named backlogs}). Everything else that fails because MongoDB cannot be
 * reached logs that at DEBUG only ({@link #warnUnlessOutage}), so an outage is two lines, not one a second per
 * worker.
 */
public final class MongoOutage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MongoOutage.class);
    public static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final BooleanSupplier ping;
    private final Clock clock;
    private final Map<String, IntSupplier> backlogs = new LinkedHashMap<>();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mongo-watch").daemon(true).factory());
    private final java.util.List<Runnable> onBack = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Instant downSince;

    public MongoOutage(BooleanSupplier ping, Clock clock) {
        this.ping = ping;
        this.clock = clock;
    }

    /** Starts the watch. */
    public MongoOutage start() {
        watch.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Adds a count of things waiting for MongoDB to the "back" line, e.g. {@code "tips"} from the tip journal. */
    public synchronized MongoOutage backlog(String what, IntSupplier count) {
        backlogs.put(what, count);
        return this;
    }

    /** Runs {@code work} on the watch's thread each time MongoDB is back (e.g. writing what waited in memory). */
    public MongoOutage onBack(Runnable work) {
        onBack.add(work);
        return this;
    }

    /** True from the failed ping that noticed an outage until the ping that answers again. */
    public boolean isDown() {
        return downSince != null;
    }

    /** One check now (the watch runs this every {@link #CHECK_EVERY}); logs a change of state. */
    public synchronized void check() {
        boolean up;
        try {
            up = ping.getAsBoolean();
        } catch (RuntimeException e) {
            up = false;
        }
        Instant now = clock.instant();
        if (!up && downSince == null) {
            downSince = now;
            LOG.warn("MongoDB is down: calls, operator intake and call records go on from this node's journals, signed-in"
                    + " staff stay signed in; referrals, statistics and look-ups wait. Said again once it is back.");
        } else if (up && downSince != null) {
            Duration away = Duration.between(downSince, now);
            downSince = null;
            LOG.info("MongoDB is back after {}s; writing what waited: {}", away.toSeconds(), describeBacklog());
            onBack.forEach(MongoOutage::quietly);
        }
    }

    private String describeBacklog() {
        StringJoiner text = new StringJoiner(", ");
        backlogs.forEach((what, count) -> text.add(count.getAsInt() + " " + what));
        return backlogs.isEmpty() ? "nothing" : text.toString();
    }

    private static void quietly(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            warnUnlessOutage(LOG, e, "Catching up after the outage stopped; it goes on with the next use");
        }
    }

    /** Whether {@code failure} (or a cause of it) says MongoDB cannot be reached now, as opposed to a bad request. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a pool is cleared when a connection to the server failed: an operation that was about to use it
            // fails with that, not with the socket's own failure
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof MongoConnectionPoolClearedException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Logs {@code message} (SLF4J placeholders, the failure's text appended) as a warning, or at DEBUG when the
     * failure is MongoDB being unreachable: the watch has said that once already.
     */
    public static void warnUnlessOutage(Logger log, Throwable failure, String message, Object... args) {
        Object[] withCause = java.util.Arrays.copyOf(args, args.length + 1);
        withCause[args.length] = failure.toString();
        if (isOutage(failure)) {
            log.debug(message + ": {}", withCause);
        } else {
            log.warn(message + ": {}", withCause);
        }
    }

    @Override
    public void close() {
        watch.shutdownNow();
    }
}
