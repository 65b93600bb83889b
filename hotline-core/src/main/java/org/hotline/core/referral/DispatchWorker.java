package org.hotline.core.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.AgencyCircuits;
import org.hotline.core.referral.internal.BackoffPolicy;
import org.hotline.core.referral.internal.DeliveryResult;
import org.hotline.core.referral.internal.DispatchEngine;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.referral.internal.ReferralDocuments;
import org.hotline.pathway.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox worker of one node. Each step claims the most urgent due referral with an atomic
 * {@code findOneAndUpdate} and a lease, delivers it through its channel's Camel route and records the attempt
 * and the new state on the referral (and, once final, on the tip). Several nodes may run against one MongoDB:
 * a referral is only ever claimed by one of them at a time, and a crashed node's claim is taken over when its
 * lease expires (the agency drops the repeat by its {@code Idempotency-Key}).
 *
 * <p>{@link #dispatchOnce()} runs one batch on the caller's thread (tests drive it with a controllable clock);
 * {@link #start()} runs deadline sweeps ({@link DeadlineSweeper}) and batches on dedicated platform threads, never on an event loop, because each attempt
 * blocks on MongoDB and on the agency.
 */
public final class DispatchWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchWorker.class);

    private final MongoReferralStore store;
    private final DispatchEngine engine;
    private final DispatchConfig config;
    private final BackoffPolicy backoff;
    private final AgencyCircuits circuits;
    private final DeadlineSweeper sweeper;
    private final HotlineMetrics metrics;
    private final Clock clock;
    private final Object wakeUp = new Object();
    private final List<Thread> threads = new ArrayList<>();
    /** Decrypts a claimed referral's payload just before it is sent; set with {@link Dispatch#sealWith}. */
    private volatile UnaryOperator<Document> opener = UnaryOperator.identity();
    private volatile boolean running;
    private boolean wakeRequested;

    DispatchWorker(MongoReferralStore store, DispatchEngine engine, DeadlineSweeper sweeper, DispatchConfig config,
            BackoffPolicy backoff, HotlineMetrics metrics, Clock clock) {
        this.sweeper = sweeper;
        this.store = store;
        this.engine = engine;
        this.config = config;
        this.backoff = backoff;
        this.circuits = new AgencyCircuits(config.circuitThreshold(), config.circuitOpenFor());
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Agencies whose circuit breaker is open on this node now (read-only; for the agency directory). */
    public java.util.Set<String> openCircuits() {
        return circuits.open(clock.instant());
    }

    public String nodeId() {
        return config.nodeId();
    }

    /**
     * Claims and delivers due referrals one by one until none is due or {@code batchSize} were handled.
     *
     * @return how many referrals this call attempted
     */
    public int dispatchOnce() {
        int handled = 0;
        while (handled < config.batchSize()) {
            String token = UUID.randomUUID().toString();
            Instant now = clock.instant();
            Optional<Document> claimed = store.claimNext(config.nodeId(), token, now, now.plus(config.leaseDuration()),
                    circuits.open(now));
            if (claimed.isEmpty()) {
                break;
            }
            deliver(claimed.get(), token);
            handled++;
        }
        return handled;
    }

    /** Starts the polling threads; idempotent. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < config.workerThreads(); i++) {
            Thread t = Thread.ofPlatform().name("dispatch-" + config.nodeId() + "-" + i).daemon(true).start(this::loop);
            threads.add(t);
        }
        LOG.info("Dispatch worker {} started with {} thread(s)", config.nodeId(), config.workerThreads());
    }

    /** Stops the polling threads, letting each finish the attempt it is in (bounded by the HTTP timeouts). */
    public synchronized void stop() {
        running = false;
        wakeUp();
        Duration wait = config.connectTimeout().plus(config.responseTimeout()).plusSeconds(1);
        for (Thread t : threads) {
            try {
                if (!t.join(wait)) {
                    LOG.warn("Dispatch thread {} still busy after {}", t.getName(), wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    void openPayloadsWith(UnaryOperator<Document> payloadOpener) {
        this.opener = payloadOpener;
    }

    /** Makes idle polling threads look for due referrals now (e.g. right after new referrals were created). */
    public void wakeUp() {
        synchronized (wakeUp) {
            // remembered, so a wake-up that comes while the threads are busy is not lost
            wakeRequested = true;
            wakeUp.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            int handled = 0;
            try {
                sweeper.sweepOnce();
                handled = dispatchOnce();
            } catch (RuntimeException e) {
                // MongoDB unreachable or similar: claims stay in MongoDB, the next poll tries again.
                LOG.warn("Dispatch step failed on {}: {}", config.nodeId(), e.toString());
            }
            if (handled == 0 && running) {
                synchronized (wakeUp) {
                    try {
                        if (!wakeRequested) {
                            wakeUp.wait(config.pollInterval().toMillis());
                        }
                        wakeRequested = false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void deliver(Document referral, String token) {
        String id = referral.getString("_id");
        Channel channel = primaryChannel(referral);
        long started = System.nanoTime();
        DeliveryResult result = channel instanceof Channel.Portal
                ? new DeliveryResult.Delivered(null)
                : engine.deliver(ReferralDocuments.request(opener.apply(referral), channel));
        long latencyMillis = (System.nanoTime() - started) / 1_000_000;
        Instant now = clock.instant();
        Document attempt = ReferralDocuments.attempt(now, config.nodeId(), channel.kind(), result, latencyMillis);
        metrics.deliveryAttempt(channel.kind(), result.result());
        trackCircuit(referral.getString("agencyId"), result, now);
        boolean recorded = switch (result) {
            case DeliveryResult.Delivered d -> delivered(referral, token, attempt, channel, now);
            case DeliveryResult.Rejected r -> deadLetter(referral, token, attempt, channel, now, r.reason());
            case DeliveryResult.Retry r -> retryOrGiveUp(referral, token, attempt, channel, now, r.reason());
        };
        if (!recorded) {
            LOG.warn("Lease on referral {} was lost before its attempt was recorded; the new owner decides", id);
        }
    }

    private void trackCircuit(String agency, DeliveryResult result, Instant now) {
        if (result instanceof DeliveryResult.Retry) {
            if (circuits.failure(agency, now)) {
                LOG.warn("Circuit for agency {} open on {} until its cool-down passes", agency, config.nodeId());
            }
        } else {
            // a delivery or a definite refusal both prove the agency is reachable
            circuits.success(agency);
        }
    }

    private boolean delivered(Document referral, String token, Document attempt, Channel channel, Instant now) {
        String id = referral.getString("_id");
        if (!store.markDelivered(id, token, attempt, channel.kind(), now)) {
            return false;
        }
        String agency = referral.getString("agencyId");
        metrics.referralState(ReferralState.DELIVERED.name(), channel.kind(), agency);
        Instant created = referral.getDate("createdAt").toInstant();
        metrics.delivered(channel.kind(), Math.max(0, Duration.between(created, now).toMillis()) / 1000.0);
        recordOnTip(referral, ReferralState.DELIVERED, now);
        return true;
    }

    private boolean retryOrGiveUp(Document referral, String token, Document attempt, Channel channel, Instant now,
            String reason) {
        int failures = referral.getInteger("attemptCount", 0) + 1;
        Instant created = referral.getDate("createdAt").toInstant();
        if (failures >= config.maxAttempts()) {
            return deadLetter(referral, token, attempt, channel, now,
                    "gave up after " + failures + " attempts; last error: " + reason);
        }
        if (!now.isBefore(created.plus(config.giveUpAfter()))) {
            return deadLetter(referral, token, attempt, channel, now,
                    "gave up after " + config.giveUpAfter() + " (" + failures + " attempts); last error: " + reason);
        }
        Instant next = now.plus(backoff.delayAfter(failures));
        if (!store.markFailed(referral.getString("_id"), token, attempt, reason, now, next)) {
            return false;
        }
        LOG.info("Referral {} attempt {} failed ({}), next at {}", referral.getString("_id"), failures, reason, next);
        metrics.referralState(ReferralState.FAILED.name(), channel.kind(), referral.getString("agencyId"));
        return true;
    }

    private boolean deadLetter(Document referral, String token, Document attempt, Channel channel, Instant now,
            String reason) {
        if (!store.markDeadLetter(referral.getString("_id"), token, attempt, reason, now)) {
            return false;
        }
        String agency = referral.getString("agencyId");
        LOG.warn("Referral {} to {} is a dead letter: {}", referral.getString("_id"), agency, reason);
        metrics.referralState(ReferralState.DEAD_LETTER.name(), channel.kind(), agency);
        metrics.deadLetter(channel.kind(), agency);
        recordOnTip(referral, ReferralState.DEAD_LETTER, now);
        return true;
    }

    private void recordOnTip(Document referral, ReferralState state, Instant now) {
        if (ReferralUpdates.KIND.equals(referral.getString("kind"))) {
            // the tip's summary per agency follows the referral itself, not the updates sent after it
            return;
        }
        String tipId = referral.getString("tipId");
        if (!store.recordOnTip(tipId, referral.getString("agencyId"), referral.getString("_id"), state, now)) {
            LOG.warn("Tip {} not found while recording referral {} as {}", tipId, referral.getString("_id"), state);
        }
    }

    private static Channel primaryChannel(Document referral) {
        return ReferralService.primaryChannel(ReferralDocuments.channels(referral));
    }
}
