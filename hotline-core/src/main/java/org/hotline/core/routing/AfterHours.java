package org.hotline.core.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.console.CallbackWindow;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;
import org.hotline.ivr.flow.OpeningHours;
import org.hotline.pathway.TipFields;

/**
 * What the hotline owes a tip the IVR took while operators were closed (by the opening hours of the flow that
 * took it). It is routed like any other; in addition a tip that needs a person — no report given, or the caller
 * asked for a person — waits in the supervisors' review queue with a deadline counted in opening time from the
 * next opening, and a consented callback is scheduled at the first time after the next opening that is inside
 * both the opening hours and the caller's safe window.
 */
public final class AfterHours {

    /** Opening time a supervisor has to look at a tip that needs a person, from the next opening. */
    public static final Duration DEFAULT_REVIEW_WITHIN = Duration.ofHours(2);
    /** How far ahead a callback time is looked for; beyond it the next opening is used. */
    private static final Duration CALLBACK_SEARCH = Duration.ofDays(14);
    private static final Duration STEP = Duration.ofMinutes(15);

    private final TipRepository tips;
    private final Function<String, Optional<OpeningHours>> hoursOfFlow;
    private final Duration reviewWithin;
    private final ZoneId zone;

    /**
     * @param hoursOfFlow the opening hours of a flow by id (empty for an unknown flow: never after hours)
     * @param zone the hotline's local time, in which callers' safe windows are read
     */
    public AfterHours(TipRepository tips, Function<String, Optional<OpeningHours>> hoursOfFlow, Duration reviewWithin,
            ZoneId zone) {
        if (reviewWithin.isNegative() || reviewWithin.isZero()) {
            throw new IllegalArgumentException("the after-hours review time must be positive, got " + reviewWithin);
        }
        this.tips = tips;
        this.hoursOfFlow = hoursOfFlow;
        this.reviewWithin = reviewWithin;
        this.zone = zone;
    }

    /** For a node or test bed without flows: no tip is ever after hours. */
    public static AfterHours never(TipRepository tips) {
        return new AfterHours(tips, flow -> Optional.empty(), DEFAULT_REVIEW_WITHIN, ZoneId.of("UTC"));
    }

    /** What the hotline owes this tip, or empty when it came in opening hours (or not through the IVR). */
    public Optional<Tip.AfterHoursCare> care(Tip tip, boolean held) {
        if (!"ivr".equals(tip.source()) || tip.receivedAt() == null || tip.flowId() == null) {
            return Optional.empty();
        }
        Optional<OpeningHours> found = hoursOfFlow.apply(tip.flowId());
        if (found.isEmpty() || found.get().isOpen(tip.receivedAt())) {
            return Optional.empty();
        }
        OpeningHours hours = found.get();
        List<String> reasons = new ArrayList<>();
        if (held) {
            reasons.add("no_report");
        }
        if (TipFields.isTrue(tip.fields().get("personRequested"))) {
            reasons.add("person_requested");
        }
        Instant received = tip.receivedAt();
        Instant opening = hours.nextOpening(received).orElse(received);
        Instant reviewDue = reasons.isEmpty() ? null
                : hours.afterOpenTime(opening, reviewWithin).orElse(received.plus(reviewWithin));
        return Optional.of(new Tip.AfterHoursCare(reviewDue, reasons, callbackAfter(tip, hours, opening)));
    }

    /** Records the care of a tip just routed or held, when it came after hours. */
    void settle(Tip tip, boolean held) {
        care(tip, held).ifPresent(care -> tips.markAfterHours(tip.id(), care));
    }

    private Instant callbackAfter(Tip tip, OpeningHours hours, Instant opening) {
        if (!tip.callbackEffective() || !Boolean.TRUE.equals(tip.consents().get("callback"))) {
            return null;
        }
        CallbackWindow window = CallbackWindow.of(tip.text("callbackWindow")).orElse(CallbackWindow.ANY);
        Instant at = ceilToStep(opening);
        Instant until = opening.plus(CALLBACK_SEARCH);
        for (; at.isBefore(until); at = at.plus(STEP)) {
            if (hours.isOpen(at) && window.contains(at.atZone(zone).toLocalTime())) {
                return at;
            }
        }
        return opening;
    }

    private static Instant ceilToStep(Instant at) {
        Instant floor = at.truncatedTo(ChronoUnit.HOURS);
        while (floor.isBefore(at)) {
            floor = floor.plus(STEP);
        }
        return floor;
    }
}
