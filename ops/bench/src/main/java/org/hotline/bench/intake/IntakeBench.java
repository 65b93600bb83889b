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

    private IntakeBench() {}

    /**
     * @param tips tips per path (after a warm-up of a fifth as many)
     * @param concurrency parallel submitters (calls reaching the end of the flow at once)
     */
    public static List<Throughput> run(Path dir, int tips, int concurrency) {
        AtomicLong stored = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        Stats toMongo = new Stats();
        Consumer<Document> onStored = tip -> {
            if (measuring.get()) {
                toMongo.record(Duration.between(tip.getDate("receivedAt").toInstant(), Instant.now()));
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
            out.add(measure("raw-insertOne", tips, concurrency, insert, () -> true));
            measuring.set(true);
            Throughput hotline = measure("hotline-intake", tips, concurrency, intake,
                    () -> stored.get() >= warmUp + tips);
            out.add(hotline);
            out.add(new Throughput("hotline-intake-to-mongodb", concurrency, toMongo.count(), hotline.perSecond(),
                    toMongo.summary()));
            return out;
        }
    }

    /**
     * Runs {@code count} operations on {@code concurrency} virtual threads; the rate's clock stops once every
     * operation returned and {@code settled} holds (polled, for work that finishes behind the operation).
     */
    static Throughput measure(String path, int count, int concurrency, IntConsumer operation,
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
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring " + path, e);
            }
        }
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
