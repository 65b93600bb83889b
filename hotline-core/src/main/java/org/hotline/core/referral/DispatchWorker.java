package org.hotline.core.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.AgencyCircuits;
import org.hotline.core.referral.internal.BackoffPolicy;
import org.hotline.core.referral.internal.DeliveryResult;
import org.hotline.core.referral.internal.DispatchEngine;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.referral.internal.ReferralDocuments;
import org.hotline.pathway.Channel;
import org.hotline.core.storage.MongoOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox worker of one node. Each step claims a referral with an atomic {@code findOneAndUpdate} and a
 * lease, delivers it through its channel's Camel route and records the attempt and the new state on the
 * referral (and, once final, on the tip). Referrals this node has just created are sent at once
 * ({@link NewReferrals}: an IMMEDIATE one leased to it at insert, the others claimed by id); the
 * outbox is searched for the most urgent due one (retries, expired leases, anything else) once per poll
 * interval, or when asked to ({@link #wakeUp()}). Several nodes may run against one MongoDB:
 * a referral is only ever claimed by one of them at a time, and a crashed node's claim is taken over when its
 * lease expires (the agency drops the repeat by its {@code Idempotency-Key}).
 *
 * <p>{@link #dispatchOnce()} runs one batch on the caller's thread (tests drive it with a controllable clock);
 * {@link #start()} runs batches on dedicated platform threads, never on an event loop, because each attempt
 * blocks on MongoDB and on the agency. Deadlines are swept elsewhere, on a thread of their own
 * ({@link DeadlineSchedule}).
 */
public final class DispatchWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchWorker.class);

    private final MongoReferralStore store;
    private final DispatchEngine engine;
    private final DispatchConfig config;
    private final AttemptRecorder attempts;
    private final AgencyCircuits circuits;
    private final HotlineMetrics metrics;
    private final Clock clock;
    /**
     * One permit per piece of work announced to idle threads: each wakes exactly one of them. A notifyAll on a
     * monitor woke every thread for each new referral, and on two cores the herd fighting for the monitor delayed
     * the very thread that had the referral to send (docs/BENCHMARKS.md).
     */
    private final Semaphore work = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    /** Decrypts a claimed referral's payload just before it is sent. */
    private final UnaryOperator<Document> opener;
    /** Referrals this node just created, sent before (and between) polls of the outbox. */
    private final NewReferrals fresh;
    private final AtomicBoolean pollRequested = new AtomicBoolean(true);
    /** Attempts in progress on this node's threads. */
    private final AtomicInteger sending = new AtomicInteger();
    private final AtomicLong lastPoll = new AtomicLong();
    private volatile boolean running;

    DispatchWorker(MongoReferralStore store, DispatchEngine engine, DispatchConfig config,
            BackoffPolicy backoff, UnaryOperator<Document> opener, HotlineMetrics metrics, Clock clock) {
        this.opener = opener;
        this.store = store;
        this.engine = engine;
        this.config = config;
        this.attempts = new AttemptRecorder(store, config, backoff, metrics);
        this.circuits = new AgencyCircuits(config.circuitThreshold(), config.circuitOpenFor());
        this.metrics = metrics;
        this.clock = clock;
        this.fresh = new NewReferrals(store, config, circuits, clock,
                () -> running ? config.workerThreads() - sending.get() : 0, this::signal);
    }

    /** Agencies whose circuit breaker is open on this node now (read-only; for the agency directory). */
    public java.util.Set<String> openCircuits() {
        return circuits.open(clock.instant());
    }

    public String nodeId() {
        return config.nodeId();
    }

    /**
     * Claims and delivers due referrals one by one until none is due or {@code batchSize} were handled: first
     * the ones this node just created (by id), then the most urgent due one in the outbox, repeatedly.
     *
     * @return how many referrals this call attempted
     */
    public int dispatchOnce() {
        fresh.giveBackLeft();
        int handled = dispatchFresh();
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

    /** The referrals this node just created, on their way to its threads (the outbox's sender). */
    ReferralOutbox.Sender newReferrals() {
        return fresh;
    }

    /** Claims and delivers the new referrals, up to {@code batchSize}; returns how many it attempted. */
    private int dispatchFresh() {
        int handled = 0;
        Optional<Document> claimed;
        while (handled < config.batchSize() && (claimed = fresh.claimNext()).isPresent()) {
            deliver(claimed.get(), claimed.get().getString("leaseToken"));
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

    /**
     * Stops the polling threads, letting each finish the attempt it is in (bounded by the HTTP timeouts), then
     * gives back the leases of new referrals no thread took, so that any node sends them at once, not after
     * their lease ran out.
     */
    public synchronized void stop() {
        running = false;
        signal(config.workerThreads());
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
        fresh.releaseLeases();
    }

    /** Makes idle polling threads look for due referrals in the outbox now (e.g. after an operator's retry). */
    public void wakeUp() {
        pollRequested.set(true);
        signal(1); // one thread polls: pollDue lets only one of them claim a requested poll anyway
    }

    /**
     * Wakes up to {@code count} idle threads. A permit given while every thread is busy is kept, so the next thread
     * to look for work finds it at once instead of after a poll interval; permits beyond the thread count would
     * only make threads look again for nothing, so they are not given.
     */
    private void signal(int count) {
        int give = Math.min(count, config.workerThreads() - work.availablePermits());
        if (give > 0) {
            work.release(give);
        }
    }

    private void loop() {
        while (running) {
            int handled = 0;
            try {
                if (pollDue()) {
                    handled = dispatchOnce();
                    if (handled >= config.batchSize()) {
                        pollRequested.set(true); // a full batch: more may be due, keep going without waiting
                    }
                } else {
                    handled = dispatchFresh();
                }
            } catch (RuntimeException e) {
                // MongoDB unreachable or similar: claims stay in MongoDB, the next poll tries again.
                MongoOutage.warnUnlessOutage(LOG, e, "Dispatch step failed on {}", config.nodeId());
            }
            if (handled == 0 && running) {
                try {
                    work.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** True when this thread should search the outbox now: asked to, or a poll interval has passed. */
    private boolean pollDue() {
        boolean asked = pollRequested.getAndSet(false);
        return due(lastPoll) || asked;
    }

    /** Claims the next run of something done once per poll interval on this node; true for the claimer. */
    private boolean due(AtomicLong last) {
        long now = System.nanoTime();
        long seen = last.get();
        return (seen == 0 || now - seen >= config.pollInterval().toNanos()) && last.compareAndSet(seen, now);
    }

    private void deliver(Document referral, String token) {
        sending.incrementAndGet();
        try {
            attempt(referral, token);
        } finally {
            sending.decrementAndGet();
        }
    }

    private void attempt(Document referral, String token) {
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
        if (!attempts.record(referral, token, attempt, channel, now, result)) {
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

    private static Channel primaryChannel(Document referral) {
        return ReferralService.primaryChannel(ReferralDocuments.channels(referral));
    }
}
