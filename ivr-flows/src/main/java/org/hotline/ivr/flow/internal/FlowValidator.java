package org.hotline.ivr.flow.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ivr.flow.Choice;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.FlowProblem;
import org.hotline.ivr.flow.NodeKind;
import org.hotline.ivr.flow.PromptCatalogue;
import org.hotline.ivr.flow.PromptRef;
import org.hotline.ivr.flow.UsedPrompts;
import org.hotline.ivr.flow.Ref;

/**
 * Checks a read flow against the rules a caller's safety depends on: every reference resolves, every node is
 * reachable, menus have exits and keys that do not clash, every loop is bounded, every prompt exists in every
 * configured language. Reports every problem, never stops at the first.
 */
public final class FlowValidator {

    private static final String KEYS = "0123456789*#";

    private final Flow flow;
    private final List<FlowProblem> problems;

    private FlowValidator(Flow flow, List<FlowProblem> problems) {
        this.flow = flow;
        this.problems = problems;
    }

    /** Adds every problem of {@code flow} to {@code problems}, given the catalogues and the other flows' ids. */
    public static void validate(Flow flow, Map<String, PromptCatalogue> catalogues, Map<String, Flow> flows,
                                List<FlowProblem> problems) {
        FlowValidator validator = new FlowValidator(flow, problems);
        validator.references(flows);
        validator.reachability();
        validator.menus();
        new LoopCheck(flow, problems).run();
        validator.prompts(catalogues);
    }

    private void problem(int line, String message) {
        problems.add(new FlowProblem(flow.source(), line, message));
    }

    private void references(Map<String, Flow> flows) {
        checkRef(flow.start(), "start");
        checkRef(flow.globalKeys().onDanger(), "globalKeys.onDanger");
        checkRef(flow.globalKeys().onOperator(), "globalKeys.onOperator");
        for (FlowNode node : flow.nodes().values()) {
            node.exits().forEach(ref -> checkRef(ref, "node '" + node.id() + "'"));
            if (node.kind() instanceof NodeKind.SwitchFlow sw && sw.flow() != null) {
                Flow target = flows.get(sw.flow());
                if (target == null) {
                    problem(sw.flowLine(), "node '" + node.id() + "' switches to unknown flow '" + sw.flow() + "'");
                } else if (sw.at() != null && !target.nodes().containsKey(sw.at())) {
                    problem(sw.flowLine(), "node '" + node.id() + "' switches to unknown node '" + sw.at()
                            + "' of flow '" + sw.flow() + "'");
                }
            }
            if (node.kind() instanceof NodeKind.SurveyOffer offer && offer.flow() != null) {
                surveyTarget(node, offer, flows.get(offer.flow()));
            }
            if (node.kind() instanceof NodeKind.SurveyQuestion question) {
                surveyCodes(node, question);
            }
            if (node.kind() instanceof NodeKind.Choose choose && choose.list() != null
                    && !flow.lists().containsKey(choose.list())) {
                problem(node.line(), "node '" + node.id() + "' uses list '" + choose.list()
                        + "' that the flow's 'lists' does not define (the default the host may replace)");
            }
            if (node.kind() instanceof NodeKind.Language language) {
                interpreterChoices(node, language);
                language.options().forEach((digit, lang) -> {
                    if (!flow.offers(lang)) {
                        problem(node.line(), "node '" + node.id() + "' offers language '" + lang
                                + "' that is not among the flow's languages " + flow.languages() + " or "
                                + flow.partialLanguages());
                    }
                });
            }
            if (node.kind() instanceof NodeKind.Collect collect && collect.min() > collect.max()) {
                problem(node.line(), "node '" + node.id() + "': min " + collect.min() + " is above max " + collect.max());
            }
        }
    }

    private void surveyTarget(FlowNode node, NodeKind.SurveyOffer offer, Flow target) {
        if (target == null) {
            problem(offer.flowLine(), "node '" + node.id() + "' offers unknown survey flow '" + offer.flow() + "'");
        } else if (target.capturesTip()) {
            // survey answers must never travel with a report: the survey flow may not capture a tip
            problem(offer.flowLine(), "node '" + node.id() + "' offers survey flow '" + offer.flow()
                    + "' that captures a tip; a survey flow needs 'capturesTip: false'");
        }
    }

    private void surveyCodes(FlowNode node, NodeKind.SurveyQuestion question) {
        // codes become statistics keys: plain lower-case words, never free text
        String code = "[a-z][a-z0-9_]{0,39}";
        if (question.question() != null && !question.question().matches(code)) {
            problem(node.line(), "node '" + node.id() + "': question code '" + question.question()
                    + "' must be a lower-case word (a-z, 0-9, _)");
        }
        question.values().forEach((digit, answer) -> {
            if (answer == null || !answer.matches(code)) {
                problem(node.line(), "node '" + node.id() + "': answer code '" + answer + "' for key " + digit
                        + " must be a lower-case word (a-z, 0-9, _)");
            }
        });
        if (question.values().isEmpty()) {
            problem(node.line(), "node '" + node.id() + "': a survey question needs at least one answer in 'values'");
        }
    }

    private void checkRef(Ref ref, String from) {
        if (ref != null && ref.target() != null && !flow.nodes().containsKey(ref.target())) {
            problem(ref.line(), from + " refers to unknown node '" + ref.target() + "'");
        }
    }

    private void reachability() {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (Ref root : new Ref[] {flow.start(), flow.globalKeys().onDanger(), flow.globalKeys().onOperator()}) {
            if (root != null && root.target() != null) {
                todo.add(root.target());
            }
        }
        while (!todo.isEmpty()) {
            String id = todo.poll();
            FlowNode node = flow.nodes().get(id);
            if (node != null && seen.add(id)) {
                node.exits().stream().map(Ref::target).filter(t -> t != null).forEach(todo::add);
            }
        }
        flow.nodes().values().stream().filter(n -> !seen.contains(n.id()))
                .forEach(n -> problem(n.line(), "node '" + n.id() + "' is unreachable from the start"));
    }

    private void menus() {
        for (FlowNode node : flow.nodes().values()) {
            switch (node.kind()) {
                case NodeKind.Menu menu -> {
                    boolean exit = menu.options().values().stream().anyMatch(r -> !node.id().equals(r.target()));
                    if (!exit) {
                        problem(node.line(), "menu '" + node.id() + "' has no exit: no option leads to another node");
                    }
                    keys(node, menu.options().keySet());
                }
                case NodeKind.Language language -> {
                    List<String> all = new ArrayList<>(language.options().keySet());
                    all.addAll(language.interpreter().keySet());
                    keys(node, all);
                }
                case NodeKind.SurveyQuestion question -> keys(node, question.values().keySet());
                case NodeKind.Choose choose -> keys(node, choose.list() == null ? choose.values().keySet()
                        : flow.lists().getOrDefault(choose.list(), List.of()).stream().map(Choice::digit).toList());
                default -> { }
            }
        }
    }

    /** Interpreter digits need a place to go, and name languages the flow cannot speak (else offer them). */
    private void interpreterChoices(FlowNode node, NodeKind.Language language) {
        if (!language.interpreter().isEmpty() && language.onInterpreter() == null) {
            problem(node.line(), "node '" + node.id() + "' offers interpreter languages but has no 'onInterpreter'");
        }
        if (language.interpreter().isEmpty() && language.onInterpreter() != null) {
            problem(node.line(), "node '" + node.id() + "' has 'onInterpreter' but no 'interpreter' languages");
        }
        language.interpreter().forEach((digit, lang) -> {
            if (lang == null || !lang.matches("[a-z]{2,3}")) {
                problem(node.line(), "node '" + node.id() + "': interpreter language '" + lang
                        + "' is not a 2- or 3-letter lower-case code");
            } else if (flow.offers(lang)) {
                problem(node.line(), "node '" + node.id() + "': '" + lang + "' has prompts in this flow; offer it in"
                        + " 'options', not 'interpreter'");
            }
        });
    }

    private void keys(FlowNode node, Collection<String> keys) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (key == null || key.length() != 1 || KEYS.indexOf(key.charAt(0)) < 0) {
                problem(node.line(), "node '" + node.id() + "': '" + key + "' is not a single keypad key");
            } else if (flow.globalKeys().isGlobal(key)) {
                problem(node.line(), "node '" + node.id() + "': key '" + key + "' clashes with a global key");
            } else if (!seen.add(key)) {
                problem(node.line(), "node '" + node.id() + "': key '" + key + "' is used twice");
            }
        }
    }

    private void prompts(Map<String, PromptCatalogue> catalogues) {
        Set<PromptRef> used = UsedPrompts.refs(flow);
        List<String> offered = new ArrayList<>(flow.languages());
        offered.addAll(flow.partialLanguages());
        for (String language : offered) {
            PromptCatalogue catalogue = catalogues.get(language);
            if (catalogue == null) {
                problem(0, "language '" + language + "' has no prompt catalogue prompts/" + language + ".yaml");
                continue;
            }
            if (flow.partialLanguages().contains(language)) {
                continue;
            }
            List<String> reported = new ArrayList<>();
            for (PromptRef ref : used) {
                if (ref.id() != null && catalogue.find(ref.id()).isEmpty() && !reported.contains(ref.id())) {
                    reported.add(ref.id());
                    problem(ref.line(), "prompt '" + ref.id() + "' is missing in language '" + language + "'");
                }
            }
        }
    }
}
