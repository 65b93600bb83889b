package org.hotline.core.node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.routing.AfterHours;

/**
 * Time settings: how much opening time supervisors have to look at an after-hours tip that needs a person
 * ({@code HOTLINE_AFTER_HOURS_REVIEW_WITHIN}), and, for demos and tests only, the instant the node's clock
 * starts at ({@code HOTLINE_CLOCK}, ISO-8601 such as {@code 2026-12-05T23:00:00Z}; the clock then runs on
 * from there), so a call can be placed "after hours" or "on a holiday" at any real time.
 */
record HoursSettings(Duration afterHoursReviewWithin, Optional<Instant> clockStart) {

    static HoursSettings fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        Duration review = r.duration("HOTLINE_AFTER_HOURS_REVIEW_WITHIN", AfterHours.DEFAULT_REVIEW_WITHIN);
        if (review.isZero() || review.isNegative()) {
            throw new IllegalArgumentException("Configuration HOTLINE_AFTER_HOURS_REVIEW_WITHIN must be positive, got '"
                    + env.get("HOTLINE_AFTER_HOURS_REVIEW_WITHIN") + "'");
        }
        Optional<Instant> start = r.optional("HOTLINE_CLOCK").map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Configuration HOTLINE_CLOCK must be an ISO-8601 instant such as "
                        + "2026-12-05T23:00:00Z, got '" + value + "'");
            }
        });
        return new HoursSettings(review, start);
    }

    /** {@code system}, or a clock that starts at {@code HOTLINE_CLOCK} when the node starts and runs on. */
    Clock clock(Clock system) {
        return clockStart.map(start -> Clock.offset(system, Duration.between(system.instant(), start))).orElse(system);
    }
}
