package org.hotline.bench.intake;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.bson.Document;
import org.hotline.bench.Timing;
import org.hotline.bench.report.BenchReport.Throughput;
import org.hotline.bench.report.Stats;

/**
 * Durable intake: tips per second and latency through the real path (journal fsync, then MongoDB) against a
 * raw {@code insertOne} of a same-sized document on the same embedded server, in the same run.
 *
 * <p>A tip is durable, and the caller hears its reference, once the journal has fsynced it; MongoDB follows
 * behind the call. So the hotline's latency is the caller's wait ({@code hotline-intake}), its rate counts only
 * tips that also reached MongoDB (the run waits for the last one), and a third row
 * ({@code hotline-intake-to-mongodb}) shows how long after the start of {@code accept} each tip was in MongoDB.
 */
public final class IntakeBench {

    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);
    /** As fast as {@code concurrency} submitters can go: the rate, with latency that is mostly queueing. */
    public static final String RAW_MAX = "raw-insertOne";
    public static final String HOTLINE_MAX = "hotline-intake";
    /** At a steady rate below saturation (submitters 0 in the table): latency of one tip. */
    public static final String RAW_STEADY = "raw-insertOne-steady";
    public static final String HOTLINE_STEADY = "hotline-intake-steady";
    public static final String HOTLINE_TO_MONGODB = "hotline-intake-steady-to-mongodb";

    private IntakeBench() {}

    /**
     * @param tips tips per path (after a warm-up of a fifth as many)
     * @param concurrency parallel submitters (calls reaching the end of the flow at once)
     */
    public static List<Throughput> run(Path dir, int tips, int concurrency, double tipsPerSecond) {
        AtomicLong stored = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        Stats toMongo = new Stats();
        Consumer<org.hotline.core.tip.SealedTip> onStored = tip -> {
            if (measuring.get()) {
                toMongo.record(Duration.between(Instant.ofEpochMilli(tip.raw().getDateTime("receivedAt").getValue()),
                        Instant.now()));
            }
            stored.incrementAndGet();
        };
        try (IntakeRig rig = IntakeRig.storeOnly(dir, onStored)) {
            MongoCollection<Document> raw = rig.mongo().database().getCollection("bench_raw");
            IntConsumer intake = n -> rig.intake().accept(SampleTips.captured(n));
            IntConsumer insert = n -> raw.insertOne(SampleTips.rawDocument(n));
            int warmUp = Math.max(1, tips / 5);
            measure("warm-up", warmUp, concurrency, insert, () -> true);
            measure("warm-up", warmUp, concurrency, intake, () -> stored.get() >= warmUp);
            List<Throughput> out = new ArrayList<>();
            out.add(measure(RAW_MAX, tips, concurrency, insert, () -> true));
            out.add(measure(HOTLINE_MAX, tips, concurrency, intake, () -> stored.get() >= warmUp + tips));
            long before = stored.get();
            out.add(steady(RAW_STEADY, tips, tipsPerSecond, insert, () -> true));
            measuring.set(true);
            Throughput hotline = steady(HOTLINE_STEADY, tips, tipsPerSecond, intake, () -> stored.get() >= before + tips);
            out.add(hotline);
            out.add(new Throughput(HOTLINE_TO_MONGODB, 0, toMongo.count(), hotline.perSecond(), toMongo.summary()));
            return out;
        }
    }

    /**
     * Starts {@code count} operations at {@code perSecond}, each on its own virtual thread, timed from the moment
     * it was due (so a late start counts against it); the rate's clock stops as in {@link #measure}.
     */
    static Throughput steady(String path, int count, double perSecond, IntConsumer operation,
            BooleanSupplier settled) {
        Stats stats = new Stats();
        List<Thread> senders = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            Timing.parkUntil(due);
            int n = i;
            senders.add(Thread.ofVirtual().name("bench-" + path + "-" + i).start(() -> {
                operation.accept(n);
                stats.recordNanos(System.nanoTime() - due);
            }));
        }
        joinAll(path, senders);
        return settle(path, 0, stats, start, settled);
    }

    /**
     * Runs {@code count} operations on {@code concurrency} virtual threads; the rate's clock stops once every
     * operation returned and {@code settled} holds (polled, for work that finishes behind the operation).
     */
    public static Throughput measure(String path, int count, int concurrency, IntConsumer operation,
            BooleanSupplier settled) {
        Stats stats = new Stats();
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(Thread.ofVirtual().name("bench-" + path + "-" + w).start(() -> {
                int n;
                while ((n = next.getAndIncrement()) < count) {
                    long t = System.nanoTime();
                    operation.accept(n);
                    stats.recordNanos(System.nanoTime() - t);
                }
            }));
        }
        joinAll(path, workers);
        return settle(path, concurrency, stats, start, settled);
    }

    private static void joinAll(String path, List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring " + path, e);
            }
        }
    }

    private static Throughput settle(String path, int concurrency, Stats stats, long start, BooleanSupplier settled) {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (!settled.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + ": work behind the operations not finished after " + SETTLE_LIMIT);
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(path, concurrency, stats.count(), Math.round(stats.count() / seconds * 10) / 10.0,
                stats.summary());
    }
}
