package org.hotline.ivr.flow.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.ivr.SurveyAnswer;
import org.hotline.ivr.SurveySink;
import org.hotline.ivr.flow.SurveyAnswers;
import org.hotline.ivr.flow.Choice;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.FlowObserver;
import org.hotline.ivr.flow.NodeKind;
import org.hotline.ivr.flow.TipFields;

/** Runs the nodes that wait for keys; each returns the next node id. */
final class ListeningNodes {

    private final CallChannel channel;
    private final Prompter prompter;
    private final KeyInput input;
    private final Map<String, List<Choice>> hostLists;
    private final SurveySink survey;
    private final FlowObserver observer;

    ListeningNodes(CallChannel channel, Prompter prompter, KeyInput input, Map<String, List<Choice>> hostLists,
                   SurveySink survey, FlowObserver observer) {
        this.channel = channel;
        this.prompter = prompter;
        this.input = input;
        this.hostLists = hostLists;
        this.survey = survey;
        this.observer = observer;
    }

    String run(CallState call, FlowNode node, NodeKind.Listening kind) {
        return switch (kind) {
            case NodeKind.Menu menu -> {
                Answer answer = input.oneKey(call, prompts(call, menu.prompt().id()), menu.options().keySet(),
                        menu.input());
                yield answer instanceof Answer.Keys keys ? menu.options().get(keys.keys()).target()
                        : other(call, node, answer);
            }
            case NodeKind.Choose choose -> choose(call, node, choose);
            case NodeKind.SurveyQuestion question -> {
                Answer answer = input.oneKey(call, prompts(call, question.prompt().id()), question.values().keySet(),
                        question.input());
                if (answer instanceof Answer.Keys keys) {
                    // stored at once, so a caller who hangs up mid-survey keeps the answers already given
                    SurveyAnswers.record(survey, new SurveyAnswer(call.flow.label(), call.language, "voice",
                            question.question(), question.values().get(keys.keys())));
                    yield question.next().target();
                }
                yield other(call, node, answer);
            }
            case NodeKind.Collect collect -> {
                Answer answer = input.digits(call, collect.prompt().id(), collect.min(), collect.max(), collect.input());
                if (answer instanceof Answer.Keys keys) {
                    call.answers.put(collect.field(), keys.keys());
                    yield collect.next().target();
                }
                yield other(call, node, answer);
            }
            case NodeKind.Language language -> {
                List<String> digits = new ArrayList<>(language.options().keySet());
                digits.addAll(language.interpreter().keySet());
                Answer answer = input.oneKey(call, prompts(call, language.prompt().id()), digits, language.input());
                if (answer instanceof Answer.Keys keys && language.interpreter().containsKey(keys.keys())) {
                    // no prompts in that language: the call goes on in its current one, to a person with an interpreter
                    channel.setVariable("HOTLINE_INTERPRETER", language.interpreter().get(keys.keys()));
                    yield language.onInterpreter().target();
                }
                if (answer instanceof Answer.Keys keys) {
                    call.language = language.options().get(keys.keys());
                    // SAY DIGITS uses the channel's language, so digits are spoken in the caller's language
                    channel.setVariable("CHANNEL(language)", call.language);
                    yield language.next().target();
                }
                yield other(call, node, answer);
            }
            case NodeKind.Consent consent -> {
                Answer answer = input.oneKey(call, prompts(call, consent.prompt().id()), List.of("1", "2"),
                        consent.input());
                if (answer instanceof Answer.Keys keys) {
                    yield TipFields.consent(consent, keys.keys().equals("1"), call.language, call.answers,
                            call.consents);
                }
                yield other(call, node, answer);
            }
        };
    }

    private String choose(CallState call, FlowNode node, NodeKind.Choose choose) {
        Map<String, String> values;
        List<Supplier<Character>> prompts = prompts(call, choose.prompt().id());
        if (choose.list() == null) {
            values = choose.values();
        } else {
            List<Choice> choices = hostLists.getOrDefault(choose.list(), call.flow.lists().get(choose.list()));
            values = new LinkedHashMap<>();
            for (Choice choice : choices) {
                values.put(choice.digit(), choice.code());
                prompts.add(() -> prompter.play(call, choice.prompt()));
                prompts.add(() -> prompter.play(call, call.flow.commonPrompt("press")));
                prompts.add(() -> channel.sayDigits(choice.digit(), Prompter.ALL_KEYS));
            }
        }
        Answer answer = input.oneKey(call, prompts, values.keySet(), choose.input());
        if (answer instanceof Answer.Keys keys) {
            call.answers.put(choose.field(), values.get(keys.keys()));
            return choose.next().target();
        }
        return other(call, node, answer);
    }

    private List<Supplier<Character>> prompts(CallState call, String promptId) {
        List<Supplier<Character>> prompts = new ArrayList<>();
        prompts.add(() -> prompter.play(call, promptId));
        return prompts;
    }

    private String other(CallState call, FlowNode node, Answer answer) {
        if (answer instanceof Answer.Jump jump) {
            return jump.nodeId();
        }
        observer.inputFailed(call.flow.label(), node.id());
        return ((NodeKind.Listening) node.kind()).input().onFail().target();
    }
}
