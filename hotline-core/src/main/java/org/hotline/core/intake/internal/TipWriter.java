package org.hotline.core.intake.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hotline.core.tip.SealedTip;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.storage.MongoOutage;
import org.hotline.core.storage.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves journaled tips into MongoDB on its own thread. A write is an upsert that only inserts
 * ({@code $setOnInsert}), so replaying a tip that MongoDB already has changes nothing. Once a batch is written
 * the batch is handed on (to routing, as one); once a flush has made it durable in MongoDB it is confirmed in the
 * journal. While MongoDB is unreachable the tips wait here and are retried with back-off; nothing is dropped.
 */
public final class TipWriter<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TipWriter.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Longest a written tip waits for the flush that lets the journal forget it. */
    private static final Duration FLUSH_EVERY = Duration.ofMillis(250);

    private final String what;
    private final MongoStore store;
    private final Consumer<List<T>> insertAllAbsent;
    private final Function<T, String> id;
    private final TipJournal journal;
    private final Consumer<List<T>> afterStored;
    private final HotlineMetrics metrics;
    /** Urgent tips (immediate danger) at the head, others at the tail. */
    private final BlockingDeque<Item<T>> queue = new LinkedBlockingDeque<>();
    private final Deque<Item<T>> waiting = new ArrayDeque<>();
    /** Written to MongoDB, not yet flushed nor confirmed in the journal. Writer thread only. */
    private final List<Item<T>> unflushed = new ArrayList<>();
    private long lastFlush = System.nanoTime();
    private final Thread thread;
    private final RoutingLane<T> routing;
    private volatile boolean healthy = true;
    private volatile boolean running = true;

    /**
     * The writer of journaled tips.
     *
     * @param insertAllAbsent the tip repository's bulk insert of new tips (each only if absent), e.g.
     *     {@code MongoTipRepository::insertAllAbsent}
     */
    public static TipWriter<SealedTip> forTips(MongoStore store, Consumer<List<SealedTip>> insertAllAbsent,
            TipJournal journal, Consumer<List<SealedTip>> afterStored, HotlineMetrics metrics) {
        return new TipWriter<>("tip", store, insertAllAbsent, SealedTip::id, journal, afterStored, metrics);
    }

    /**
     * A writer of other journaled documents than tips ({@code what}, e.g. {@code call_record}, names its thread and
     * its MongoDB operation in the metrics); {@code write} must be idempotent, as a batch may be written again.
     *
     * @param id the journal id of an item (its {@code _id})
     */
    public TipWriter(String what, MongoStore store, Consumer<List<T>> write, Function<T, String> id,
            TipJournal journal, Consumer<List<T>> afterStored, HotlineMetrics metrics) {
        this.what = what;
        this.id = id;
        this.store = store;
        this.insertAllAbsent = write;
        this.journal = journal;
        this.afterStored = afterStored;
        this.metrics = metrics;
        this.thread = Thread.ofPlatform().name(what.replace('_', '-') + "-writer").daemon(true).unstarted(this::loop);
        this.routing = new RoutingLane<>(what.equals("tip") ? "tip-router" : what.replace('_', '-') + "-handed",
                afterStored, tips -> id.apply(tips.get(0)));
    }

    public void start() {
        thread.start();
    }

    /** Queues a journaled tip; the future completes once MongoDB holds it. */
    public CompletableFuture<Void> submit(T tip) {
        Item<T> item = new Item<>(tip, new CompletableFuture<>(), false);
        queue.addLast(item);
        return item.stored;
    }

    /**
     * Queues a journaled tip ahead of every tip waiting (a caller in immediate danger): it is in the next batch
     * written, and routed before the rest of its batch and before any batch waiting for routing.
     */
    public CompletableFuture<Void> submitUrgent(T tip) {
        Item<T> item = new Item<>(tip, new CompletableFuture<>(), true);
        queue.addFirst(item);
        return item.stored;
    }

    /**
     * Queues what the journal still holds after a restart, urgent ones (a caller in immediate danger) ahead of the
     * rest, as they were when first taken; a record {@code urgent} cannot read counts as not urgent.
     */
    public void replay(List<byte[]> journaled, Function<byte[], T> decode, java.util.function.Predicate<T> urgent) {
        for (byte[] record : journaled) {
            T tip = decode.apply(record);
            boolean first;
            try {
                first = urgent.test(tip);
            } catch (RuntimeException e) {
                first = false; // still written and routed, only not ahead of the others
            }
            if (first) {
                submitUrgent(tip);
            } else {
                submit(tip);
            }
        }
    }

    /** False after the last write attempt failed, until one succeeds. */
    public boolean mongoHealthy() {
        return healthy;
    }

    /**
     * Stops after writing what is queued (while MongoDB answers, for at most five seconds); whatever is left
     * stays in the journal and is replayed at the next start.
     */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
            routing.close(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        Duration backoff = MIN_BACKOFF;
        while (running || !unflushed.isEmpty() || (healthy && !(queue.isEmpty() && waiting.isEmpty()))) {
            try {
                Duration wait = !running ? Duration.ofMillis(10) : healthy ? Duration.ofSeconds(1) : backoff;
                if (!unflushed.isEmpty()) {
                    wait = Duration.ofNanos(Math.max(0, lastFlush + FLUSH_EVERY.toNanos() - System.nanoTime()));
                }
                List<Item<T>> batch = nextBatch(wait);
                boolean ok = batch.isEmpty() || writeBatch(batch);
                ok &= flushIfDue(!running);
                if (ok) {
                    backoff = MIN_BACKOFF;
                } else {
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
                if (what.equals("tip")) {
                    metrics.journalBacklog(journal.backlog());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<Item<T>> nextBatch(Duration wait) throws InterruptedException {
        List<Item<T>> batch = new ArrayList<>(waiting);
        waiting.clear();
        if (batch.isEmpty() || !healthy) {
            Item<T> first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (first != null) {
                batch.add(first);
            }
        }
        queue.drainTo(batch, 500);
        return batch;
    }

    /**
     * Writes the batch in one bulk round trip of upserts; returns false (and keeps the batch waiting) when that
     * fails. Retrying a whole batch is safe: each upsert only inserts, so tips already written stay as they are,
     * and routing a tip twice creates its referrals once. The journal confirms the batch after the next flush.
     */
    private boolean writeBatch(List<Item<T>> batch) {
        long start = System.nanoTime();
        try {
            insertAllAbsent.accept(batch.stream().map(item -> item.tip).toList());
            metrics.mongoOperation(what + "_insert", (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            unreachable(e, batch);
            return false;
        }
        healthy = true;
        // MongoDB serves the tips now: the operator waiting for one may read it, and routing (pathway,
        // referrals) starts on its own thread, in order, so the next batch does not wait behind it. A crash
        // before the flush replays them from the journal; routing them again is a no-op.
        for (Item<T> item : batch) {
            item.stored.complete(null);
        }
        List<T> urgent = batch.stream().filter(Item::urgent).map(item -> item.tip).toList();
        if (!urgent.isEmpty()) {
            routing.first(urgent);
        }
        routing.last(batch.stream().filter(item -> !item.urgent).map(item -> item.tip).toList());
        unflushed.addAll(batch);
        return true;
    }

    /**
     * Makes the written tips durable in MongoDB (a commit on the embedded server, nothing on a replica set,
     * whose write concern already did) and only then confirms them in the journal. At most one flush per
     * {@link #FLUSH_EVERY}: under load each commit covers many tips instead of one each.
     */
    private boolean flushIfDue(boolean now) {
        if (unflushed.isEmpty() || (!now && System.nanoTime() - lastFlush < FLUSH_EVERY.toNanos())) {
            return true;
        }
        try {
            store.flush();
        } catch (RuntimeException e) {
            List<Item<T>> again = new ArrayList<>(unflushed);
            unflushed.clear();
            unreachable(e, again);
            return false;
        }
        lastFlush = System.nanoTime();
        unflushed.forEach(item -> journal.confirm(id.apply(item.tip)));
        unflushed.clear();
        return true;
    }

    private void unreachable(RuntimeException e, List<Item<T>> batch) {
        metrics.mongoError(what + "_insert");
        if (healthy) {
            // MongoOutage says "down" and "back" once for the node; a failure of another kind is worth its own line
            MongoOutage.warnUnlessOutage(LOG, e, "Cannot write {}s to MongoDB; they wait in the journal", what);
        }
        healthy = false;
        waiting.addAll(batch);
    }

    private record Item<T>(T tip, CompletableFuture<Void> stored, boolean urgent) {}
}
