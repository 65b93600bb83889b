package org.hotline.ivr.flow.internal;

import java.time.Clock;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.TipIntake;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.FlowObserver;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.FlowSet;
import org.hotline.ivr.flow.NodeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one call through its flow set, from the start node to an ending node or a hang-up. */
final class FlowCall {

    private static final Logger LOG = LoggerFactory.getLogger(FlowCall.class);
    // A backstop beyond the validator's loop check: no call runs more steps than this.
    private static final int MAX_STEPS = 500;

    private final FlowSet flows;
    private final CallChannel channel;
    private final ListeningNodes listening;
    private final ActionNodes actions;
    private final CallEnd end;
    private final FlowObserver observer;
    private final FlowOptions options;

    FlowCall(FlowSet flows, CallChannel channel, TipIntake intake, FollowUpDesk desk, FlowOptions options,
             Clock clock) {
        this.flows = flows;
        this.channel = channel;
        this.observer = options.observer();
        this.options = options;
        Prompter prompter = new Prompter(flows, channel, options.observer());
        TipHandOff handOff = new TipHandOff(intake, clock);
        this.end = new CallEnd(channel, prompter, handOff, options.observer());
        this.listening = new ListeningNodes(channel, prompter, new KeyInput(channel, prompter, clock),
                options.lists(), options.survey(), options.observer());
        this.actions = new ActionNodes(channel, prompter, handOff, desk, options, clock, end);
    }

    void run(CallState call) {
        try {
            channel.answer();
            channel.setVariable("CHANNEL(language)", call.language);
            walk(call, call.flow.start().target());
        } catch (CallerHungUp e) {
            end.hungUp(call);
        } catch (RuntimeException e) {
            LOG.error("call {} failed in flow {} at node {}", call.callId, call.flow.label(), call.lastNode, e);
            end.failed(call);
        }
    }

    private void walk(CallState call, String startNode) {
        String next = startNode;
        for (int step = 0; next != null; step++) {
            if (step == MAX_STEPS) {
                throw new IllegalStateException("call exceeded " + MAX_STEPS + " steps");
            }
            FlowNode node = call.flow.node(next);
            if (call.visit(node.id()) > node.maxVisits() && node.maxVisits() > 0) {
                next = node.onExhausted().target();
                continue;
            }
            long entered = System.nanoTime();
            String flowLabel = call.flow.label();
            next = switch (node.kind()) {
                case NodeKind.SwitchFlow sw -> switchFlow(call, sw);
                case NodeKind.SurveyOffer offer -> surveyOffer(call, offer);
                case NodeKind.Listening kind -> listening.run(call, node, kind);
                default -> actions.run(call, node);
            };
            observer.nodeCompleted(flowLabel, node.id(), java.time.Duration.ofNanos(System.nanoTime() - entered));
        }
    }

    /** The survey is asked only when the host switched it on; its flow starts by asking the caller's consent. */
    private String surveyOffer(CallState call, NodeKind.SurveyOffer offer) {
        if (!options.surveyOn()) {
            return offer.next().target();
        }
        return switchFlow(call, new NodeKind.SwitchFlow(offer.flow(), null, offer.flowLine()));
    }

    private String switchFlow(CallState call, NodeKind.SwitchFlow sw) {
        Flow target = flows.flow(sw.flow()).orElseThrow();
        call.flow = target;
        call.capturing = call.capturing && target.capturesTip();
        return sw.at() == null ? target.start().target() : sw.at();
    }
}
