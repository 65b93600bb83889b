package org.hotline.core.stats;

/** A published figure that is not a count (a median, a share): its value, suppressed, or absent for lack of data. */
public sealed interface Measure {

    record Value(double value) implements Measure {}

    /** Computed from fewer cases than the threshold, so not shown. */
    record Suppressed() implements Measure {}

    /** Nothing to compute it from. */
    record Missing() implements Measure {}

    /** {@code value} when computed from at least {@code minCell} cases; Missing for none, else Suppressed. */
    static Measure of(double value, long cases, int minCell) {
        if (cases == 0) {
            return new Missing();
        }
        return cases < minCell ? new Suppressed() : new Value(value);
    }
}
