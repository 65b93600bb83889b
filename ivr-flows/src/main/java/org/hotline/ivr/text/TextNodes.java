package org.hotline.ivr.text;

import java.time.Clock;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.FollowUpAnswer;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.TipReceipt;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.NodeKind;
import org.hotline.ivr.flow.TipFields;

/** Runs the nodes that do not wait for a reply; each returns the next node id, or null when the turn ends. */
final class TextNodes {

    private final TextFlowEngine engine;
    private final TextFlows flows;
    private final Prompts prompts;
    private final FollowUpDesk desk;
    private final Clock clock;

    TextNodes(TextFlowEngine engine, TextFlows flows, Prompts prompts, FollowUpDesk desk, Clock clock) {
        this.engine = engine;
        this.flows = flows;
        this.prompts = prompts;
        this.desk = desk;
        this.clock = clock;
    }

    /** Where a node listed under {@code text.skip} leads: a consent as if refused, a recording as if not made. */
    static String skipped(FlowNode node) {
        return switch (node.kind()) {
            case NodeKind.Consent consent -> consent.onNo().target();
            case NodeKind.Record record -> record.onNoConsent().target();
            case NodeKind.FollowUpRecord record -> record.next().target();
            case NodeKind.Play play -> play.next().target();
            default -> throw new IllegalStateException("node " + node.id() + " cannot be skipped");
        };
    }

    String run(Walk walk, FlowNode node) {
        return switch (node.kind()) {
            case NodeKind.Play play -> {
                walk.out.add(prompts.text(walk, play.prompt().id()));
                yield play.next().target();
            }
            case NodeKind.Reference reference -> reference(walk, reference);
            case NodeKind.SayDigits say -> {
                // never the digits: whatever the sender wrote is not sent back
                walk.out.add(prompts.text(walk, say.prompt().id()));
                yield say.next().target();
            }
            case NodeKind.SetField set -> {
                walk.answers.put(set.field(), set.value());
                yield set.next().target();
            }
            case NodeKind.Branch branch -> TipFields.branch(branch, walk.field(branch.field()));
            case NodeKind.Hours hours -> (open(walk) ? hours.open() : hours.closed()).target();
            case NodeKind.Emergency emergency -> emergency(walk, emergency);
            case NodeKind.Operator operator -> {
                if (!open(walk)) {
                    yield operator.whenClosed().target();
                }
                if (walk.capturing && !walk.submitted) {
                    engine.submit(walk, CallOutcome.OPERATOR);
                }
                walk.out.add(prompts.text(walk, operator.prompt().id()));
                walk.answers.put("queue", operator.queue());
                walk.state = TextSession.State.OPERATOR;
                yield null;
            }
            case NodeKind.Hangup hangup -> {
                if (walk.capturing && !walk.submitted) {
                    engine.submit(walk, CallOutcome.COMPLETED);
                }
                walk.out.add(prompts.text(walk, hangup.prompt().id()));
                walk.state = TextSession.State.ENDED;
                yield null;
            }
            case NodeKind.FollowUpCheck check -> followUpCheck(walk, check);
            case NodeKind.SwitchFlow sw -> {
                walk.flow = flows.flow(sw.flow());
                walk.capturing = walk.capturing && walk.flow.capturesTip();
                yield sw.at() == null ? walk.flow.start().target() : sw.at();
            }
            case NodeKind.SurveyOffer offer -> {
                if (!engine.options().surveyOn()) {
                    yield offer.next().target();
                }
                // the survey flow starts by asking consent; its answers never join the tip or the session
                walk.flow = flows.flow(offer.flow());
                walk.capturing = false;
                yield walk.flow.start().target();
            }
            case NodeKind.Record record -> throw new IllegalStateException("record nodes are skipped in text");
            case NodeKind.FollowUpRecord record -> throw new IllegalStateException("record nodes are skipped in text");
            case NodeKind.Listening listening -> throw new IllegalStateException("listening node " + node.id());
        };
    }

    private boolean open(Walk walk) {
        return walk.flow.hours().isOpen(clock.instant());
    }

    private String reference(Walk walk, NodeKind.Reference reference) {
        if (walk.reference != null) {
            // sent once and never again, even if the flow comes back here
            return reference.next().target();
        }
        TipReceipt receipt = walk.submitted ? null : engine.submit(walk, CallOutcome.COMPLETED);
        if (receipt == null) {
            walk.out.add(prompts.text(walk, reference.unavailable().id()));
            return reference.onUnavailable().target();
        }
        walk.reference = receipt.reference();
        walk.out.add(prompts.text(walk, reference.intro().id()) + " " + receipt.reference() + ". "
                + prompts.text(walk, reference.pinIntro().id()) + " " + receipt.pin() + ".");
        return reference.next().target();
    }

    private String emergency(Walk walk, NodeKind.Emergency emergency) {
        if (walk.submitted && walk.reference != null) {
            // the report was already handed over: danger now is a new, immediate tip that points to it
            walk.answers.put("relatedReference", walk.reference);
        }
        walk.answers.put("immediateDanger", "true");
        // danger is always reported, even from flows that capture no tip (e.g. follow-up), and even twice
        walk.capturing = true;
        engine.submit(walk, CallOutcome.EMERGENCY);
        walk.out.add(prompts.text(walk, emergency.prompt().id()));
        walk.state = TextSession.State.ENDED;
        return null;
    }

    private String followUpCheck(Walk walk, NodeKind.FollowUpCheck check) {
        FollowUpAnswer answer = desk.lookup(walk.field(check.referenceField()), walk.field(check.pinField()),
                walk.sender);
        return switch (answer) {
            case FollowUpAnswer.Found found -> {
                walk.verifiedReference = walk.field(check.referenceField());
                walk.out.add(prompts.text(walk, found.status().promptId()));
                yield check.found().target();
            }
            case FollowUpAnswer.WrongPin wrong -> check.wrongPin().target();
            case FollowUpAnswer.Locked locked -> check.locked().target();
            // the case records cannot be read now (MongoDB down): the flow says so and offers a person
            case FollowUpAnswer.Unavailable unavailable -> check.unavailable().target();
        };
    }
}
