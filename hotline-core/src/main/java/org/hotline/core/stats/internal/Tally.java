package org.hotline.core.stats.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.core.stats.Cell;

/** Counts by key; published as cells with small counts suppressed. Not thread-safe. */
public final class Tally {

    /** Key under which records without a value are counted. */
    public static final String UNKNOWN = "unknown";

    private final Map<String, Long> counts = new TreeMap<>();

    public void add(String key) {
        counts.merge(key == null || key.isBlank() ? UNKNOWN : key, 1L, Long::sum);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long get(String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** The counts as cells in key order, small ones suppressed ({@link Suppression}). */
    public Map<String, Cell> cells(int minCell) {
        return Suppression.protect(counts, minCell);
    }

    /** The counts of {@code keys} first (zero when absent), then the others, small ones suppressed. */
    public Map<String, Cell> cells(List<String> keys, int minCell) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        keys.forEach(k -> ordered.put(k, get(k)));
        counts.forEach(ordered::putIfAbsent);
        return Suppression.protect(ordered, minCell);
    }
}
