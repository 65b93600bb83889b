package org.hotline.core.stats.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.core.stats.Cell;

/**
 * Small-cell suppression for one group of counts that add up to a published total (calls by outcome, tips by
 * type). Primary: every count from 1 to {@code minCell - 1} is hidden. Secondary: if that hides exactly one
 * cell, the smallest other non-zero cell is hidden too, since the total minus the visible cells would give the
 * hidden one away.
 */
public final class Suppression {

    private Suppression() {}

    public static Map<String, Cell> protect(Map<String, Long> counts, int minCell) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        counts.forEach((key, n) -> cells.put(key, Cell.of(n, minCell)));
        long hidden = cells.values().stream().filter(c -> c instanceof Cell.Suppressed).count();
        if (hidden == 1) {
            counts.entrySet().stream()
                    .filter(e -> e.getValue() > 0 && cells.get(e.getKey()) instanceof Cell.Count)
                    .min(Map.Entry.comparingByValue())
                    .ifPresent(e -> cells.put(e.getKey(), new Cell.Suppressed()));
        }
        return cells;
    }
}
