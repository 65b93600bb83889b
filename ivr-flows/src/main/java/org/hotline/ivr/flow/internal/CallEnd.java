package org.hotline.ivr.flow.internal;

import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.TipReceipt;
import org.hotline.ivr.flow.FlowObserver;
import org.hotline.ivr.flow.NodeKind;

/**
 * Ends a call and leaves the dialplan its result: {@code HOTLINE_STATUS} (DONE, OPERATOR, EMERGENCY, HANGUP,
 * FAILED) with {@code HOTLINE_QUEUE}, {@code HOTLINE_REFERENCE}, {@code HOTLINE_LANG},
 * {@code HOTLINE_EMERGENCY} where they apply. Danger and operator hand-offs return to the dialplan rather than
 * running Dial()/Queue() inside AGI, which would hold the AGI session and its thread for the whole call.
 */
final class CallEnd {

    static final String STATUS = "HOTLINE_STATUS";

    private final CallChannel channel;
    private final Prompter prompter;
    private final TipHandOff handOff;
    private final FlowObserver observer;

    CallEnd(CallChannel channel, Prompter prompter, TipHandOff handOff, FlowObserver observer) {
        this.channel = channel;
        this.prompter = prompter;
        this.handOff = handOff;
        this.observer = observer;
    }

    void emergency(CallState call, NodeKind.Emergency node, String emergencyNumber) {
        call.answers.put("immediateDanger", "true");
        // danger is always reported, even from flows that capture no tip (e.g. follow-up)
        call.capturing = true;
        // the tip goes to intake while the caller hears the prompt: no command waits for the journal's disk
        handOff.start(call, CallOutcome.EMERGENCY);
        prompter.play(call, node.prompt().id(), "");
        TipReceipt receipt = handOff.await(call);
        channel.setVariable("HOTLINE_EMERGENCY", emergencyNumber);
        finish(call, "EMERGENCY", receipt, CallOutcome.EMERGENCY);
    }

    void operator(CallState call, NodeKind.Operator node) {
        if (call.capturing) {
            handOff.start(call, CallOutcome.OPERATOR);
        }
        prompter.play(call, node.prompt().id(), "");
        TipReceipt receipt = call.capturing ? handOff.await(call) : null;
        channel.setVariable("HOTLINE_QUEUE", node.queue());
        finish(call, "OPERATOR", receipt, CallOutcome.OPERATOR);
    }

    void goodbye(CallState call, NodeKind.Hangup node) {
        // a caller who never pressed a key and is sent off kindly gave no report: the tip says SILENT, so it
        // waits for a person instead of reaching agencies empty
        CallOutcome outcome = call.anyKey || call.submitted ? CallOutcome.COMPLETED : CallOutcome.SILENT;
        if (call.capturing) {
            handOff.start(call, outcome);
        }
        prompter.play(call, node.prompt().id(), "");
        TipReceipt receipt = call.capturing ? handOff.await(call) : null;
        finish(call, "DONE", receipt, outcome);
        channel.hangup();
    }

    /** The caller hung up: hand over what was captured, then try to leave a status (the channel may be dead). */
    void hungUp(CallState call) {
        CapturedTip tip = handOff.submitPartial(call, call.anyKey ? CallOutcome.ABANDONED : CallOutcome.SILENT);
        if (tip == null && call.submitted && !call.capturing) {
            // hung up in the post-contact survey, after the whole report was handed over: the call is counted
            // as the completed report it was, not as abandoned
            tip = handOff.tip(call, CallOutcome.COMPLETED);
        }
        observer.callEnded(call.flow.label(), "HANGUP", tip);
        quietly(() -> channel.setVariable(STATUS, "HANGUP"));
    }

    /** The flow broke (a bug or a lost AGI connection): keep what was captured, tell the dialplan. */
    void failed(CallState call) {
        CapturedTip tip = handOff.submitPartial(call, call.anyKey ? CallOutcome.ABANDONED : CallOutcome.SILENT);
        observer.callEnded(call.flow.label(), "FAILED", tip);
        quietly(() -> channel.setVariable(STATUS, "FAILED"));
    }

    private void finish(CallState call, String status, TipReceipt receipt, CallOutcome outcome) {
        if (receipt != null) {
            channel.setVariable("HOTLINE_REFERENCE", receipt.reference());
        }
        channel.setVariable("HOTLINE_LANG", call.language);
        channel.setVariable(STATUS, status);
        observer.callEnded(call.flow.label(), status, call.submitted ? handOff.tip(call, outcome) : null);
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // the channel is gone; nothing more can be told to the dialplan
        }
    }
}
