package org.hotline.core.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hotline.pathway.Pathway;

/**
 * A pathway file's {@code effective_from} date, honoured: a version routes tips from 00:00 UTC of that date at
 * the earliest. Activating it without a time schedules it for then (or now, when that has passed); a time before
 * it is refused, naming the date.
 */
final class EffectiveFrom {

    private EffectiveFrom() {}

    /** The earliest instant {@code pathway} may route tips, if its file names a date. */
    static Optional<Instant> notBefore(Pathway pathway) {
        LocalDate date = pathway.definition().header().effectiveFrom();
        return Optional.ofNullable(date).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * When an activation of {@code pathway} takes effect: {@code asked}, or else the later of now and its
     * {@code effective_from}.
     *
     * @throws PathwayLifecycleException {@code before_effective_from} when {@code asked} is earlier than that date
     */
    static Instant when(Pathway pathway, String label, Optional<Instant> asked, Instant now) {
        Optional<Instant> earliest = notBefore(pathway);
        if (asked.isPresent()) {
            if (earliest.isPresent() && asked.get().isBefore(earliest.get())) {
                throw new PathwayLifecycleException(PathwayLifecycleException.Kind.INVALID, "before_effective_from",
                        "Version " + label + " says effective_from " + pathway.definition().header().effectiveFrom()
                                + ": it may route tips from " + earliest.get() + " on. Give that time or later, give"
                                + " none to schedule it for then, or change effective_from in a new version.");
            }
            return asked.get();
        }
        return earliest.filter(now::isBefore).orElse(now);
    }
}
