package org.hotline.ivr.text;

import java.time.Clock;
import java.util.Map;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.IntakeUnavailableException;
import org.hotline.ivr.TipReceipt;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.NodeKind;
import org.hotline.ivr.flow.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the IVR's flows over text, one message at a time: the voice flows' nodes and prompts, sent as short
 * messages; replies are digits or keywords. Between two messages everything lives in the {@link TextSession}
 * the host stores. What the sender writes is never sent back. A tip is handed to intake like a call's (with the
 * session's channel), a reference and PIN are sent once, a stop keyword ends the session with nothing more sent,
 * and the danger key or keyword works at every step.
 */
public final class TextFlowEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TextFlowEngine.class);
    // A backstop beyond the validator's loop check: no turn runs more steps than this.
    private static final int MAX_STEPS = 500;

    private final TextIntake intake;
    private final FollowUpDesk desk;
    private final FlowOptions options;
    private final Clock clock;

    public TextFlowEngine(TextIntake intake, FollowUpDesk desk, FlowOptions options, Clock clock) {
        this.intake = intake;
        this.desk = desk;
        this.options = options;
        this.clock = clock;
    }

    /**
     * Opens a conversation with the first message a sender wrote: a keyword in it counts (danger at once, stop
     * ends it silently); any other text only opens it and is not read.
     */
    public TextTurn start(TextFlows flows, String flowId, String id, String channel, String sender, String first) {
        Flow flow = flows.flow(flowId);
        TextSession fresh = new TextSession(id, channel, sender, flowId, null, flow.defaultLanguage(), Map.of(),
                Map.of(), Map.of(), 0, false, flow.capturesTip(), false, null, null, TextSession.State.ACTIVE,
                clock.instant(), clock.instant());
        Walk walk = new Walk(fresh, flow);
        String role = flows.rules(flowId).role(first).orElse("");
        switch (role) {
            case "stop" -> walk.state = TextSession.State.STOPPED;
            case "danger" -> walk(flows, walk, flow.globalKeys().onDanger().target());
            default -> walk(flows, walk, flow.start().target());
        }
        return new TextTurn(walk.freeze(clock.instant()), walk.out, false);
    }

    /** Moves an open session on by one message from its sender. */
    public TextTurn receive(TextFlows flows, TextSession session, String message) {
        Walk walk = new Walk(session, flows.flow(session.flowId()));
        TextRules rules = flows.rules(session.flowId());
        String role = rules.role(message).orElse("");
        boolean forOperator = false;
        if (role.equals("stop")) {
            stop(walk);
        } else if (role.equals("danger") || isKey(message, walk.flow.globalKeys().danger())) {
            walk.anyReply = true;
            walk(flows, walk, walk.flow.globalKeys().onDanger().target());
        } else if (session.state() == TextSession.State.OPERATOR) {
            // the operator has the conversation; the message waits for them, nothing is answered automatically
            forOperator = true;
        } else if (role.equals("help")) {
            Prompts prompts = prompts(flows);
            walk.out.add(prompts.text(walk, rules.help().id()));
            walk.out.add(prompts.question(walk, (NodeKind.Listening) walk.flow.node(walk.node).kind()));
        } else {
            walk.anyReply = true;
            new ListeningReply(this, flows, prompts(flows), clock).apply(walk, message);
        }
        return new TextTurn(walk.freeze(clock.instant()), walk.out, forOperator);
    }

    /** Ends an idle session: what it captured is handed over as a partial tip, nothing is sent. */
    public TextTurn expire(TextFlows flows, TextSession session) {
        Walk walk = new Walk(session, flows.flow(session.flowId()));
        submitPartial(walk);
        walk.state = TextSession.State.EXPIRED;
        return new TextTurn(walk.freeze(clock.instant()), walk.out, false);
    }

    private void stop(Walk walk) {
        submitPartial(walk);
        walk.state = TextSession.State.STOPPED;
        walk.out.clear();
    }

    private void submitPartial(Walk walk) {
        if (walk.state == TextSession.State.ACTIVE && walk.capturing && !walk.submitted) {
            submit(walk, walk.anyReply ? CallOutcome.ABANDONED : CallOutcome.SILENT);
        }
    }

    static boolean isKey(String message, String key) {
        return message.strip().equals(key);
    }

    private Prompts prompts(TextFlows flows) {
        return new Prompts(flows, options.lists(), options.observer());
    }

    /** Runs nodes from {@code nodeId} until one waits for a reply or the session ends. */
    void walk(TextFlows flows, Walk walk, String nodeId) {
        Prompts prompts = prompts(flows);
        TextNodes nodes = new TextNodes(this, flows, prompts, desk, clock);
        String next = nodeId;
        for (int step = 0; next != null; step++) {
            if (step == MAX_STEPS) {
                throw new IllegalStateException("text session " + walk.id + " exceeded " + MAX_STEPS + " steps");
            }
            FlowNode node = walk.flow.node(next);
            if (walk.visit(node.id()) > node.maxVisits() && node.maxVisits() > 0) {
                next = node.onExhausted().target();
                continue;
            }
            if (flows.rules(walk.flow.id()).skips(node.id())) {
                next = TextNodes.skipped(node);
                continue;
            }
            if (node.kind() instanceof NodeKind.Listening listening) {
                walk.node = node.id();
                walk.failures = 0;
                walk.state = TextSession.State.ACTIVE;
                walk.out.add(prompts.question(walk, listening));
                return;
            }
            next = nodes.run(walk, node);
        }
    }

    /** Hands the tip to intake; the receipt, or null when intake is unavailable (no reference is sent then). */
    TipReceipt submit(Walk walk, CallOutcome outcome) {
        CapturedTip tip = new CapturedTip(walk.id, walk.sender, walk.language, walk.answers, walk.consents, outcome,
                walk.lastNode, null, walk.flow.label(), walk.startedAt, clock.instant());
        try {
            TipReceipt receipt = intake.accept(walk.channel, tip);
            walk.submitted = true;
            return receipt;
        } catch (IntakeUnavailableException e) {
            LOG.warn("intake unavailable for text session {} at node {}: {}", walk.id, walk.lastNode, e.getMessage());
            options.observer().intakeUnavailable(walk.flow.label(), walk.lastNode);
            return null;
        }
    }

    FlowOptions options() {
        return options;
    }
}
