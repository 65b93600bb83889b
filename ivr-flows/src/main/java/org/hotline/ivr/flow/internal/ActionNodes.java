package org.hotline.ivr.flow.internal;

import java.time.Clock;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.FollowUpAnswer;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.IntakeUnavailableException;
import org.hotline.ivr.TipReceipt;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.FlowObserver;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.NodeKind;
import org.hotline.ivr.flow.TipFields;

/** Runs the nodes that do not wait for a menu key; each returns the next node id, or null when the call ends. */
final class ActionNodes {

    private static final int MAX_REPEATS = 3;
    private static final int REPEAT_WAIT_MS = 4000;

    private final CallChannel channel;
    private final Prompter prompter;
    private final TipHandOff handOff;
    private final FollowUpDesk desk;
    private final FlowOptions options;
    private final Clock clock;
    private final CallEnd end;

    ActionNodes(CallChannel channel, Prompter prompter, TipHandOff handOff, FollowUpDesk desk, FlowOptions options,
                Clock clock, CallEnd end) {
        this.channel = channel;
        this.prompter = prompter;
        this.handOff = handOff;
        this.desk = desk;
        this.options = options;
        this.clock = clock;
        this.end = end;
    }

    String run(CallState call, FlowNode node) {
        return switch (node.kind()) {
            case NodeKind.Play play -> play(call, play);
            case NodeKind.Record record -> record(call, node, record);
            case NodeKind.Reference reference -> reference(call, node, reference);
            case NodeKind.SayDigits say -> {
                prompter.play(call, say.prompt().id(), "");
                String digits = call.field(say.field());
                if (digits != null) {
                    channel.sayDigits(digits, "");
                }
                yield say.next().target();
            }
            case NodeKind.SetField set -> {
                call.answers.put(set.field(), set.value());
                yield set.next().target();
            }
            case NodeKind.Branch branch -> TipFields.branch(branch, call.field(branch.field()));
            case NodeKind.Hours hours ->
                    (call.flow.hours().isOpen(clock.instant()) ? hours.open() : hours.closed()).target();
            case NodeKind.Emergency emergency -> {
                end.emergency(call, emergency, options.emergencyNumber());
                yield null;
            }
            case NodeKind.Operator operator -> {
                if (!call.flow.hours().isOpen(clock.instant())) {
                    yield operator.whenClosed().target();
                }
                end.operator(call, operator);
                yield null;
            }
            case NodeKind.Hangup hangup -> {
                end.goodbye(call, hangup);
                yield null;
            }
            case NodeKind.FollowUpCheck check -> followUpCheck(call, check);
            case NodeKind.FollowUpRecord record -> followUpRecord(call, node, record);
            case NodeKind.SwitchFlow sw -> throw new IllegalStateException("switch_flow is run by the call loop");
            case NodeKind.SurveyOffer offer -> throw new IllegalStateException("survey_offer is run by the call loop");
            case NodeKind.Listening listening -> throw new IllegalStateException("listening node " + node.id());
        };
    }

    private String play(CallState call, NodeKind.Play play) {
        var keys = call.flow.globalKeys();
        String escape = keys.danger() + keys.operator() + keys.repeat();
        for (int repeats = 0; repeats <= MAX_REPEATS; repeats++) {
            char key = prompter.play(call, play.prompt().id(), escape);
            if (key == 0) {
                break;
            }
            call.anyKey = true;
            String pressed = String.valueOf(key);
            if (pressed.equals(keys.danger())) {
                return keys.onDanger().target();
            }
            if (pressed.equals(keys.operator()) && call.flow.hours().isOpen(clock.instant())) {
                return keys.onOperator().target();
            }
        }
        return play.next().target();
    }

    private String record(CallState call, FlowNode node, NodeKind.Record record) {
        if (!Boolean.TRUE.equals(call.consents.get("record"))) {
            return record.onNoConsent().target();
        }
        String danger = call.flow.globalKeys().danger();
        if (String.valueOf(prompter.play(call, record.prompt().id(), danger)).equals(danger)) {
            call.anyKey = true;
            return call.flow.globalKeys().onDanger().target();
        }
        // set before recording: if the caller hangs up mid-message, Asterisk keeps the file and so does the tip
        call.recording = options.recordingDir() + "/" + call.callId + "-" + node.id();
        channel.record(call.recording, record.maxSeconds(), record.silenceSeconds());
        return record.next().target();
    }

    private String reference(CallState call, FlowNode node, NodeKind.Reference reference) {
        // The tip is made durable while the caller hears the reference's introduction; the reference itself is
        // said only once intake holds the tip (a failure is said right after the introduction).
        handOff.start(call, CallOutcome.COMPLETED);
        prompter.play(call, reference.intro().id(), "");
        TipReceipt receipt = handOff.await(call);
        if (receipt == null) {
            options.observer().intakeUnavailable(call.flow.label(), node.id());
            prompter.play(call, reference.unavailable().id(), "");
            return reference.onUnavailable().target();
        }
        channel.setVariable("HOTLINE_REFERENCE", receipt.reference());
        String danger = call.flow.globalKeys().danger();
        String repeat = call.flow.globalKeys().repeat();
        for (int said = 0; said < MAX_REPEATS; said++) {
            if (said > 0) {
                prompter.play(call, reference.intro().id(), "");
            }
            channel.sayDigits(receipt.reference(), "");
            prompter.play(call, reference.pinIntro().id(), "");
            channel.sayDigits(receipt.pin(), "");
            char key = prompter.play(call, reference.repeatOffer().id(), repeat + danger);
            if (key == 0) {
                key = channel.waitForDigit(REPEAT_WAIT_MS);
            }
            if (String.valueOf(key).equals(danger)) {
                call.anyKey = true;
                return call.flow.globalKeys().onDanger().target();
            }
            if (!String.valueOf(key).equals(repeat)) {
                break;
            }
            call.anyKey = true;
        }
        return reference.next().target();
    }

    private String followUpCheck(CallState call, NodeKind.FollowUpCheck check) {
        FollowUpAnswer answer;
        try {
            answer = desk.lookup(call.field(check.referenceField()), call.field(check.pinField()), call.callerNumber);
        } catch (IntakeUnavailableException e) {
            answer = new FollowUpAnswer.Unavailable();
        }
        return switch (answer) {
            case FollowUpAnswer.Found found -> {
                call.verifiedReference = call.field(check.referenceField());
                prompter.play(call, found.status().promptId(), "");
                yield check.found().target();
            }
            case FollowUpAnswer.WrongPin wrong -> check.wrongPin().target();
            case FollowUpAnswer.Locked locked -> check.locked().target();
            case FollowUpAnswer.Unavailable unavailable -> {
                options.observer().intakeUnavailable(call.flow.label(), "followup_check");
                yield check.unavailable().target();
            }
        };
    }

    private String followUpRecord(CallState call, FlowNode node, NodeKind.FollowUpRecord record) {
        if (call.verifiedReference == null) {
            return record.next().target();
        }
        prompter.play(call, record.prompt().id(), "");
        String path = options.recordingDir() + "/" + call.callId + "-" + node.id();
        try {
            channel.record(path, record.maxSeconds(), record.silenceSeconds());
        } finally {
            // attach even when the caller hangs up while recording: what was said is kept
            desk.addRecording(call.verifiedReference, path, call.language);
        }
        return record.next().target();
    }
}
