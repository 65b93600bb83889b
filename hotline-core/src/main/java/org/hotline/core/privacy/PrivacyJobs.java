package org.hotline.core.privacy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.tip.TipKeyRotation;
import org.hotline.core.retention.RetentionPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hotline.core.storage.MongoOutage;

/**
 * The node's background privacy work on one daemon thread: the retention purge, the re-encryption pass that
 * finishes a key rotation, and the removal of expired sign-in sessions (the embedded server has no TTL indexes).
 * All are safe to run on every node at once.
 */
public final class PrivacyJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyJobs.class);
    static final int ROTATION_BATCH = 100;

    private final ScheduledExecutorService scheduler;

    private PrivacyJobs(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    public static PrivacyJobs start(RetentionPurge purge, Duration purgeEvery, TipKeyRotation rotation, Duration rotateEvery,
            java.util.function.LongSupplier expiredSessions) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("privacy-jobs").daemon(true).factory());
        // first runs shortly after start-up (not during it), then at the configured pace
        scheduler.scheduleWithFixedDelay(() -> run("retention purge", purge::purgeDue),
                Math.min(10_000, purgeEvery.toMillis()), purgeEvery.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> run("key rotation", () -> rotation.pass(ROTATION_BATCH)),
                Math.min(5_000, rotateEvery.toMillis()), rotateEvery.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> run("expired sessions purge", expiredSessions::getAsLong),
                Math.min(10_000, purgeEvery.toMillis()), purgeEvery.toMillis(), TimeUnit.MILLISECONDS);
        return new PrivacyJobs(scheduler);
    }

    private static void run(String name, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            // MongoDB down or similar: the next run tries again; nothing is half-done (each step is conditional)
            MongoOutage.warnUnlessOutage(LOG, e, "{} skipped", name);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
