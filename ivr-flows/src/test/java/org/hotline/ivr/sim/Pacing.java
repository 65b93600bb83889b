package org.hotline.ivr.sim;

import java.time.Duration;

/**
 * How much simulated time the caller takes. {@link #INSTANT} (the default) answers every command at once,
 * silences included, so tests never wait; the load harness uses {@link #realistic} to hold calls open for
 * as long as a real caller would.
 *
 * @param perPrompt time a prompt plays before its reply when the caller does not interrupt it
 * @param perKeypress time before the caller's keys arrive at an input command
 * @param maxSilence cap on how long a silence waits (the command's own timeout applies when shorter)
 */
public record Pacing(Duration perPrompt, Duration perKeypress, Duration maxSilence) {

    public static final Pacing INSTANT = new Pacing(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public Pacing {
        requireNonNegative("perPrompt", perPrompt);
        requireNonNegative("perKeypress", perKeypress);
        requireNonNegative("maxSilence", maxSilence);
    }

    public static Pacing realistic(Duration perPrompt, Duration perKeypress, Duration maxSilence) {
        return new Pacing(perPrompt, perKeypress, maxSilence);
    }

    private static void requireNonNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("pacing." + name + " must be >= 0, got " + value);
        }
    }
}
