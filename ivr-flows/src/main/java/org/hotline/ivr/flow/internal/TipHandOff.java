package org.hotline.ivr.flow.internal;

import java.time.Clock;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.IntakeUnavailableException;
import org.hotline.ivr.TipIntake;
import org.hotline.ivr.TipReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands a call's tip to intake at most once per call, and remembers the receipt. */
final class TipHandOff {

    private static final Logger LOG = LoggerFactory.getLogger(TipHandOff.class);

    private final TipIntake intake;
    private final Clock clock;

    TipHandOff(TipIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    CapturedTip tip(CallState call, CallOutcome outcome) {
        return new CapturedTip(call.callId, call.callerNumber, call.language, call.answers, call.consents, outcome,
                call.lastNode, call.recording, call.flow.label(), call.startedAt, clock.instant());
    }

    /**
     * Hands the tip over unless already done. Returns the receipt, or null when intake is unavailable (the
     * caller must then hear no reference).
     */
    TipReceipt submit(CallState call, CallOutcome outcome) {
        if (call.submitted) {
            return call.receipt;
        }
        try {
            call.receipt = intake.accept(tip(call, outcome));
            call.submitted = true;
            return call.receipt;
        } catch (IntakeUnavailableException e) {
            LOG.warn("intake unavailable for call {} at node {}: {}", call.callId, call.lastNode, e.getMessage());
            return null;
        }
    }

    /** Hands over a partial tip when the call ends early; never throws (the call is over anyway). */
    CapturedTip submitPartial(CallState call, CallOutcome outcome) {
        if (!call.capturing || call.submitted) {
            return null;
        }
        CapturedTip tip = tip(call, outcome);
        try {
            call.receipt = intake.accept(tip);
            call.submitted = true;
        } catch (RuntimeException e) {
            // intake owns durability; a failure here is logged with the call id so a supervisor can trace it
            LOG.error("partial tip of call {} ({}) could not be handed to intake", call.callId, outcome, e);
        }
        return tip;
    }
}
