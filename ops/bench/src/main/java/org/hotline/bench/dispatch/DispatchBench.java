package org.hotline.bench.dispatch;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.hotline.bench.Timing;
import org.hotline.bench.intake.IntakeRig;
import org.hotline.bench.intake.SampleTips;
import org.hotline.bench.pathway.GeneratedPathway;
import org.hotline.bench.report.BenchReport.Throughput;
import org.hotline.bench.report.Stats;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayLoader;

/**
 * Dispatch: at a steady rate, tips are saved through the real intake path with a pathway that refers each to
 * all agencies; the latency is from the moment the tip is saved to the moment each agency's HTTP server has
 * the referral. Baseline: a raw Vert.x WebClient POST of a same-sized body to the same receivers at the same
 * rate, timed from send to arrival.
 */
public final class DispatchBench {

    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    /** How much faster than the measured rate the unmeasured warm-up tips arrive. */
    private static final int WARM_UP_SPEED = 4;

    private record Arrival(int agency, String reference, long nanos) {}

    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger arrived = new AtomicInteger();

    private DispatchBench() {}

    /**
     * @param agencies agency receivers (the issue asks for 5)
     * @param tipsPerSecond steady rate of saved tips (each makes {@code agencies} deliveries)
     * @param tips tips per path (after a fifth as many unmeasured)
     */
    public static List<Throughput> run(Path dir, int agencies, double tipsPerSecond, int tips) {
        return new DispatchBench().measure(dir, agencies, tipsPerSecond, tips);
    }

    private List<Throughput> measure(Path dir, int agencies, double rate, int tips) {
        try (AgencyReceivers receivers = AgencyReceivers.start(agencies,
                (agency, reference, nanos) -> {
                    arrivals.add(new Arrival(agency, reference, nanos));
                    arrived.incrementAndGet();
                })) {
            List<String> urls = new ArrayList<>();
            for (int a = 0; a < agencies; a++) {
                urls.add(receivers.url(a) + "/agencies/agency-" + a);
            }
            Map<String, String> secrets = GeneratedPathway.secrets(agencies);
            // Each path first runs as many tips unmeasured, four times as fast: class loading, connection pools and
            // the JIT (which compiled the hotline's path through most of the measured part after a fifth as many)
            // would otherwise be part of the figures.
            int warmUp = Math.max(5, tips);
            double warmUpRate = rate * WARM_UP_SPEED;
            List<Throughput> out = new ArrayList<>();
            WebClient client = WebClient.create(receivers.vertx());
            raw(client, urls, warmUpRate, warmUp);
            out.add(raw(client, urls, rate, tips));
            client.close();
            try (IntakeRig rig = IntakeRig.withDispatch(dir, pathway(urls, secrets), secrets)) {
                hotline(rig, agencies, warmUpRate, warmUp);
                out.add(hotline(rig, agencies, rate, tips));
            }
            return out;
        }
    }

    private Throughput hotline(IntakeRig rig, int agencies, double rate, int tips) {
        HeapActivity heap = HeapActivity.now();
        Map<String, Long> savedAt = new ConcurrentHashMap<>();
        int expected = arrived.get() + tips * agencies;
        long start = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < tips; i++) {
            Timing.parkUntil(start + (long) (i * 1e9 / rate));
            int n = i;
            // Each tip on its own thread, so a slow save never holds back the steady rate.
            senders.add(Thread.ofVirtual().start(() -> {
                String reference = rig.intake().accept(SampleTips.captured(n)).reference();
                savedAt.put(reference, System.nanoTime());
            }));
        }
        senders.forEach(DispatchBench::join);
        return result("hotline-dispatch", agencies, latencies(expected, savedAt), start, heap);
    }

    private Throughput raw(WebClient client, List<String> urls, double rate, int tips) {
        HeapActivity heap = HeapActivity.now();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        int expected = arrived.get() + tips * urls.size();
        long start = System.nanoTime();
        for (int i = 0; i < tips; i++) {
            Timing.parkUntil(start + (long) (i * 1e9 / rate));
            for (int a = 0; a < urls.size(); a++) {
                String reference = "raw-" + i + "-" + a;
                sentAt.put(reference, System.nanoTime());
                client.postAbs(urls.get(a)).putHeader("Idempotency-Key", reference).sendJsonObject(body(reference, a));
            }
        }
        return result("raw-webclient-post", urls.size(), latencies(expected, sentAt), start, heap);
    }

    private static Throughput result(String path, int agencies, Stats stats, long start, HeapActivity heap) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(path, agencies, stats.count(), Math.round(stats.count() / seconds * 10) / 10.0,
                stats.summary(), heap.since());
    }

    /** What a webhook referral carries, so the raw POST moves as many bytes. */
    private static JsonObject body(String reference, int agency) {
        return new JsonObject().put("referralId", reference + ":agency-" + agency).put("reference", reference)
                .put("agency", "agency-" + agency).put("category", "referral").put("priority", "normal")
                .put("acknowledgeBy", "2026-11-24T12:00:00Z")
                .put("payload", new JsonObject().put("reference", reference).put("receivedAt", "2026-11-23T12:00:00Z")
                        .put("exploitationType", "forced_labour").put("region", "MO"));
    }

    private static Pathway pathway(List<String> urls, Map<String, String> secrets) {
        String yaml = GeneratedPathway.yaml(2, urls, true);
        return switch (PathwayLoader.load(yaml, "dispatch-bench.yaml", secrets)) {
            case LoadResult.Valid v -> v.pathway();
            case LoadResult.Invalid i -> throw new IllegalStateException("dispatch pathway invalid: " + i.problems());
        };
    }

    /**
     * Waits (bounded) until {@code expected} requests have arrived in all, then times each arrival from the
     * start its reference was given; arrivals of references not in {@code startedAt} are dropped.
     */
    private Stats latencies(int expected, Map<String, Long> startedAt) {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (arrived.get() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        Stats stats = new Stats();
        Arrival a;
        while ((a = arrivals.poll()) != null) {
            Long started = startedAt.get(a.reference());
            if (started != null) {
                stats.recordNanos(a.nanos() - started);
            }
        }
        return stats;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
