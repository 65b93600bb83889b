package org.hotline.ivr.text;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.ivr.SurveyAnswer;
import org.hotline.ivr.flow.Choice;
import org.hotline.ivr.flow.SurveyAnswers;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.GlobalKeys;
import org.hotline.ivr.flow.NodeKind;
import org.hotline.ivr.flow.TipFields;

/**
 * Reads a reply at the node the session waits at, as a call's keys are read: a valid answer moves on, the
 * operator key jumps while open, the repeat key sends the question again, anything else counts as a wrong key
 * (the invalid prompt and the question again) up to the node's retries, then the node's {@code onFail}.
 */
final class ListeningReply {

    private final TextFlowEngine engine;
    private final TextFlows flows;
    private final Prompts prompts;
    private final Clock clock;

    ListeningReply(TextFlowEngine engine, TextFlows flows, Prompts prompts, Clock clock) {
        this.engine = engine;
        this.flows = flows;
        this.prompts = prompts;
        this.clock = clock;
    }

    void apply(Walk walk, String message) {
        FlowNode node = walk.flow.node(walk.node);
        NodeKind.Listening kind = (NodeKind.Listening) node.kind();
        String reply = message.strip().replaceAll("[\\s#]", "");
        GlobalKeys keys = walk.flow.globalKeys();
        if (reply.equals(keys.operator()) && walk.flow.hours().isOpen(clock.instant())) {
            engine.walk(flows, walk, keys.onOperator().target());
            return;
        }
        if (reply.equals(keys.repeat())) {
            walk.out.add(prompts.question(walk, kind));
            return;
        }
        String next = answer(walk, kind, reply);
        if (next != null) {
            engine.walk(flows, walk, next);
        } else if (++walk.failures > kind.input().retries()) {
            engine.options().observer().inputFailed(walk.flow.label(), node.id());
            engine.walk(flows, walk, kind.input().onFail().target());
        } else {
            walk.out.add(prompts.text(walk, walk.flow.commonPrompt("invalid")));
            walk.out.add(prompts.question(walk, kind));
        }
    }

    /** The next node for a valid reply (its value stored), or null when the reply is not valid here. */
    private String answer(Walk walk, NodeKind.Listening kind, String reply) {
        return switch (kind) {
            case NodeKind.Menu menu -> menu.options().containsKey(reply) ? menu.options().get(reply).target() : null;
            case NodeKind.Choose choose -> {
                Map<String, String> values = choose.list() == null ? choose.values()
                        : listValues(prompts.choices(walk, choose));
                if (!values.containsKey(reply)) {
                    yield null;
                }
                walk.answers.put(choose.field(), values.get(reply));
                yield choose.next().target();
            }
            case NodeKind.SurveyQuestion question -> {
                if (!question.values().containsKey(reply)) {
                    yield null;
                }
                // handed over at once and kept nowhere in the session: the answer is not linked to the sender
                SurveyAnswers.record(engine.options().survey(), new SurveyAnswer(walk.flow.label(), walk.language,
                        walk.channel, question.question(), question.values().get(reply)));
                yield question.next().target();
            }
            case NodeKind.Collect collect -> {
                if (reply.length() < collect.min() || reply.length() > collect.max() || !reply.matches("[0-9]+")) {
                    yield null;
                }
                walk.answers.put(collect.field(), reply);
                yield collect.next().target();
            }
            case NodeKind.Language language -> {
                if (!language.options().containsKey(reply)) {
                    yield null;
                }
                walk.language = language.options().get(reply);
                yield language.next().target();
            }
            case NodeKind.Consent consent -> {
                if (!reply.equals("1") && !reply.equals("2")) {
                    yield null;
                }
                yield TipFields.consent(consent, reply.equals("1"), walk.language, walk.answers, walk.consents);
            }
        };
    }

    private static Map<String, String> listValues(List<Choice> choices) {
        return choices.stream().collect(Collectors.toMap(Choice::digit, Choice::code));
    }
}
