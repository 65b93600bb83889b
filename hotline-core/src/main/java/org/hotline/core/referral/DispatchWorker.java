package org.hotline.core.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.AgencyCircuits;
import org.hotline.core.referral.internal.BackoffPolicy;
import org.hotline.core.referral.internal.DeliveryResult;
import org.hotline.core.referral.internal.DispatchEngine;
import org.hotline.core.referral.internal.FreshReferrals;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.referral.internal.ReferralDocuments;
import org.hotline.pathway.Channel;
import org.hotline.core.storage.MongoOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox worker of one node. Each step claims a referral with an atomic {@code findOneAndUpdate} and a
 * lease, delivers it through its channel's Camel route and records the attempt and the new state on the
 * referral (and, once final, on the tip). Referrals this node has just created are claimed by id at once; the
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
public final class DispatchWorker implements ReferralOutbox.Sender {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchWorker.class);
    /** New referrals kept for a claim by id; beyond this they wait for the outbox poll (at most one interval). */
    private static final int FRESH_CAPACITY = 10_000;
    private static final int IMMEDIATE = org.hotline.pathway.Recipient.Priority.IMMEDIATE.ordinal();

    private final MongoReferralStore store;
    private final DispatchEngine engine;
    private final DispatchConfig config;
    private final AttemptRecorder attempts;
    private final AgencyCircuits circuits;
    private final HotlineMetrics metrics;
    private final Clock clock;
    private final Object wakeUp = new Object();
    private final List<Thread> threads = new ArrayList<>();
    /** Decrypts a claimed referral's payload just before it is sent. */
    private final UnaryOperator<Document> opener;
    /** Referrals this node just created, claimed by id before (and between) polls of the outbox. */
    private final FreshReferrals fresh = new FreshReferrals(FRESH_CAPACITY);
    private final AtomicBoolean pollRequested = new AtomicBoolean(true);
    /** Attempts in progress on this node's threads. */
    private final java.util.concurrent.atomic.AtomicInteger sending = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong lastPoll = new AtomicLong();
    private volatile boolean running;
    private boolean wakeRequested;

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

    /**
     * Leases new IMMEDIATE referrals (a caller in danger: the police within a second) to this node as they are
     * inserted, as many as it has idle threads to send them at once, and only to agencies whose circuit is
     * closed: the claim is then part of the insert, not a round trip of its own. A leased referral goes out as
     * soon as a claimed one would, so it is never held from a re-cut (the case changed) longer than before, and a
     * node that dies holds few leases. Other drafts are inserted PENDING and claimed by id: leasing every
     * referral sent the back office's deliveries out while the calls were still running and lengthened the
     * calls' turnaround under load (docs/BENCHMARKS.md), where a second's difference matters only for danger.
     */
    @Override
    public List<Document> lease(List<Document> drafts) {
        int idle = running ? config.workerThreads() - sending.get() - fresh.size() : 0;
        if (idle <= 0) {
            return drafts;
        }
        Instant now = clock.instant();
        java.util.Set<String> open = circuits.open(now);
        List<Document> out = new ArrayList<>(drafts.size());
        for (Document d : drafts) {
            boolean lease = idle > 0 && d.getInteger("priorityRank", Integer.MAX_VALUE) == IMMEDIATE
                    && !open.contains(d.getString("agencyId"));
            out.add(lease ? MongoReferralStore.leasedDraft(d, config.nodeId(), UUID.randomUUID().toString(), now,
                    now.plus(config.leaseDuration())) : d);
            idle -= lease ? 1 : 0;
        }
        return out;
    }

    /**
     * Takes referrals just created on this node: the leased ones are sent as inserted, the others claimed by id,
     * both without a search of the outbox (which costs a read of every due referral on a store without
     * secondary indexes).
     */
    @Override
    public void take(List<Document> inserted) {
        for (Document referral : inserted) {
            if (config.nodeId().equals(referral.getString("leaseOwner"))) {
                fresh.offerLeased(referral);
            } else {
                fresh.offer(referral.getString("_id"), referral.getString("agencyId"),
                        referral.getInteger("priorityRank", Integer.MAX_VALUE));
            }
        }
        signal();
    }

    /** Claims and delivers the fresh referrals, up to {@code batchSize}; returns how many it attempted. */
    private int dispatchFresh() {
        int handled = 0;
        FreshReferrals.Fresh next;
        while (handled < config.batchSize() && (next = fresh.poll()) != null) {
            Instant now = clock.instant();
            if (circuits.open(now).contains(next.agencyId())) {
                if (next.leased() != null) {
                    store.release(next.id(), next.leased().getString("leaseToken"), now);
                }
                continue; // PENDING; the outbox poll sends it once the circuit closes
            }
            String token = UUID.randomUUID().toString();
            Optional<Document> claimed = next.leased() == null
                    ? store.claim(next.id(), config.nodeId(), token, now, now.plus(config.leaseDuration()))
                    : leased(next.leased(), token, now);
            if (claimed.isPresent()) { // otherwise another thread or node has it already
                deliver(claimed.get(), claimed.get().getString("leaseToken"));
                handled++;
            }
        }
        return handled;
    }

    /**
     * A referral leased to this node at insert, as stored: sent under that lease while it has time for a whole
     * attempt left, else under a renewed one ({@code token}); empty when the lease was lost meanwhile.
     */
    private Optional<Document> leased(Document referral, String token, Instant now) {
        Instant until = referral.getDate("leaseUntil").toInstant();
        if (until.isAfter(now.plus(config.connectTimeout()).plus(config.responseTimeout()))) {
            return Optional.of(store.asStored(referral));
        }
        return store.renew(referral.getString("_id"), referral.getString("leaseToken"), config.nodeId(), token, now,
                now.plus(config.leaseDuration()));
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
        releaseLeases();
    }

    private void releaseLeases() {
        FreshReferrals.Fresh left;
        while ((left = fresh.poll()) != null) {
            if (left.leased() != null) {
                try {
                    store.release(left.id(), left.leased().getString("leaseToken"), clock.instant());
                } catch (RuntimeException e) {
                    // the lease runs out by itself; then the outbox poll of any node sends the referral
                    MongoOutage.warnUnlessOutage(LOG, e, "Could not give back the lease of referral {}", left.id());
                }
            }
        }
    }

    /** Makes idle polling threads look for due referrals in the outbox now (e.g. after an operator's retry). */
    public void wakeUp() {
        pollRequested.set(true);
        signal();
    }

    private void signal() {
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
