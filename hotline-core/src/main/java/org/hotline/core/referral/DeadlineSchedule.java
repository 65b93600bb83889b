package org.hotline.core.referral;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.storage.MongoOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DeadlineSweeper} of a node on a thread of its own, once per interval: a sweep reads the outbox,
 * so it must neither wait behind deliveries to slow agencies nor hold up the referrals that new tips create.
 * When a sweep took a step (a reminder or an escalation queued a referral) the dispatch threads are woken.
 */
final class DeadlineSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSchedule.class);

    private final DeadlineSweeper sweeper;
    private final Duration every;
    private final Runnable afterSteps;
    private ScheduledExecutorService thread;
    private volatile String nodeId = "";

    DeadlineSchedule(DeadlineSweeper sweeper, Duration every, Runnable afterSteps) {
        this.sweeper = sweeper;
        this.every = every;
        this.afterSteps = afterSteps;
    }

    /** Starts sweeping; idempotent. */
    synchronized void start(String nodeId) {
        if (thread != null) {
            return;
        }
        this.nodeId = nodeId;
        thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("deadlines-" + nodeId).daemon(true).factory());
        thread.scheduleWithFixedDelay(this::sweep, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            if (sweeper.sweepOnce() > 0) {
                afterSteps.run();
            }
        } catch (RuntimeException e) {
            // MongoDB unreachable or similar: nothing was changed that a later sweep would not do again.
            MongoOutage.warnUnlessOutage(LOG, e, "Deadline sweep failed on {}", nodeId);
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
