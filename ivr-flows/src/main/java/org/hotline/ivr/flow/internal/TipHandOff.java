package org.hotline.ivr.flow.internal;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.IntakeUnavailableException;
import org.hotline.ivr.TipIntake;
import org.hotline.ivr.TipReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a call's tip to intake at most once per call, and remembers the receipt. A hand-off can be started
 * ({@link #start}) before the prompt that leads to the reference and awaited ({@link #await}) after it: intake
 * makes the tip durable (sealing, journal fsync) on a thread of its own while the caller listens, so no command
 * of the call waits for the disk, and the caller still hears a reference only once its tip is safe.
 */
final class TipHandOff {

    private static final Logger LOG = LoggerFactory.getLogger(TipHandOff.class);
    private static final ThreadFactory INTAKE_THREADS = Thread.ofVirtual().name("tip-intake-", 1).factory();

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
     * Starts handing the tip over unless that was done or started already; the tip is taken as it stands now.
     * {@link #await} gives the receipt.
     */
    void start(CallState call, CallOutcome outcome) {
        if (call.submitted) {
            return;
        }
        CapturedTip tip = tip(call, outcome);
        CompletableFuture<TipReceipt> receipt = new CompletableFuture<>();
        INTAKE_THREADS.newThread(() -> {
            try {
                receipt.complete(intake.accept(tip));
            } catch (Throwable e) {
                receipt.completeExceptionally(e);
            }
        }).start();
        call.pendingReceipt = receipt;
        call.submitted = true;
    }

    /**
     * Waits for the hand-off started by {@link #start} (intake bounds its own wait) and returns its receipt, or
     * null when intake is unavailable: the caller must then hear no reference, and a later hand-off may try again.
     * Returns the earlier receipt when the hand-off finished before, and null when none was started.
     */
    TipReceipt await(CallState call) {
        CompletableFuture<TipReceipt> pending = call.pendingReceipt;
        if (pending == null) {
            return call.receipt;
        }
        call.pendingReceipt = null;
        try {
            call.receipt = pending.join();
            return call.receipt;
        } catch (CompletionException e) {
            call.submitted = false;
            if (e.getCause() instanceof IntakeUnavailableException unavailable) {
                LOG.warn("intake unavailable for call {} at node {}: {}", call.callId, call.lastNode,
                        unavailable.getMessage());
                return null;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * Hands the tip over unless already done, and waits for it. Returns the receipt, or null when intake is
     * unavailable (the caller must then hear no reference).
     */
    TipReceipt submit(CallState call, CallOutcome outcome) {
        start(call, outcome);
        return await(call);
    }

    /**
     * Hands over a partial tip when the call ends early; never throws (the call is over anyway). A hand-off still
     * under way is waited for first, and tried again as a partial tip when it failed.
     */
    CapturedTip submitPartial(CallState call, CallOutcome outcome) {
        if (call.pendingReceipt != null) {
            try {
                await(call);
            } catch (RuntimeException e) {
                LOG.warn("the hand-off of call {} failed; handing its tip over again as {}", call.callId, outcome);
            }
        }
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
