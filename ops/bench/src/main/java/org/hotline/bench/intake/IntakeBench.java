package org.hotline.bench.intake;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.bson.Document;
import org.hotline.bench.report.BenchReport.Throughput;
import org.hotline.bench.report.Stats;

/**
 * Durable intake: tips per second and latency through the real path (journal fsync, then MongoDB) against a
 * raw {@code insertOne} of a same-sized document on the same embedded server, in the same run.
 */
public final class IntakeBench {

    private IntakeBench() {}

    /**
     * @param tips tips per path (after a warm-up of a fifth as many)
     * @param concurrency parallel submitters (calls reaching the end of the flow at once)
     */
    public static List<Throughput> run(Path dir, int tips, int concurrency) {
        try (IntakeRig rig = IntakeRig.storeOnly(dir)) {
            MongoCollection<Document> raw = rig.mongo().database().getCollection("bench_raw");
            IntConsumer intake = n -> rig.intake().accept(SampleTips.captured(n));
            IntConsumer insert = n -> raw.insertOne(SampleTips.rawDocument(n));
            int warmUp = Math.max(1, tips / 5);
            measure("warm-up", warmUp, concurrency, insert);
            measure("warm-up", warmUp, concurrency, intake);
            List<Throughput> out = new ArrayList<>();
            out.add(measure("raw-insertOne", tips, concurrency, insert));
            out.add(measure("hotline-intake", tips, concurrency, intake));
            return out;
        }
    }

    static Throughput measure(String path, int count, int concurrency, IntConsumer operation) {
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
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(path, concurrency, stats.count(), Math.round(stats.count() / seconds * 10) / 10.0,
                stats.summary());
    }
}
