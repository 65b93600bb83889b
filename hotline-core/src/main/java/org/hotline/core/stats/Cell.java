package org.hotline.core.stats;

/**
 * One published count. Counts from 1 to {@code minCell - 1} are {@link Suppressed}: a small number of people
 * in a cell can be recognised by anyone who knows one of the cases. Zero is published, since it discloses
 * nobody.
 */
public sealed interface Cell {

    /** A count that may be shown. */
    record Count(long value) implements Cell {}

    /** A count below the threshold, shown as "&lt; k". */
    record Suppressed() implements Cell {}

    static Cell of(long count, int minCell) {
        if (count < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + count);
        }
        return count > 0 && count < minCell ? new Suppressed() : new Count(count);
    }
}
