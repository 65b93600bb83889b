package org.hotline.bench.report;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * A latency recorder for many threads at once (HdrHistogram, 3 significant digits, up to 10 minutes).
 * Values are recorded in nanoseconds and reported in milliseconds.
 */
public final class Stats {

    private static final long HIGHEST = TimeUnit.MINUTES.toNanos(10);
    private final ConcurrentHistogram histogram = new ConcurrentHistogram(1, HIGHEST, 3);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos, HIGHEST)));
    }

    public void record(Duration duration) {
        recordNanos(duration.toNanos());
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** Percentiles of what was recorded so far; all zeros when nothing was. */
    public Latency summary() {
        if (histogram.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0);
        }
        return new Latency(histogram.getTotalCount(), ms(histogram.getMean()), ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()));
    }

    private static double ms(double nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    /** Latency percentiles in milliseconds (microsecond resolution). */
    public record Latency(long count, double meanMs, double p50Ms, double p99Ms, double p999Ms, double maxMs) {}
}
