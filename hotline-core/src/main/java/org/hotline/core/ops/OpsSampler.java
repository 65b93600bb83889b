package org.hotline.core.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.ReferralCensus;
import org.hotline.core.storage.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the sampled gauges on a fixed period, off every request path: part states (via
 * {@link Readiness#evaluate()}), referrals by state and overdue referrals by priority. The referral gauges are
 * totals of the shared outbox, so every node reports the same values; dashboards and alerts take {@code max}.
 */
public final class OpsSampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsSampler.class);

    private final Readiness readiness;
    private final ReferralCensus census;
    private final HotlineMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ops-sampler").daemon(true).factory());

    public OpsSampler(Readiness readiness, MongoStore mongo, HotlineMetrics metrics, Clock clock) {
        this.readiness = readiness;
        this.census = new ReferralCensus(mongo.database());
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Samples now and then every {@code period}. */
    public OpsSampler start(Duration period) {
        timer.scheduleWithFixedDelay(this::sampleQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One sample, on the caller's thread (blocking). */
    public void sample() {
        readiness.evaluate();
        metrics.referralsByState(census.byState(), ReferralCensus.STATES);
        metrics.referralsOverdue(census.overdueByPriority(clock.instant()), ReferralCensus.PRIORITIES);
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // MongoDB down: the component gauge already says so; the referral gauges keep their last value.
            LOG.debug("Ops sample incomplete: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
