package org.hotline.ivr.flow.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.FlowProblem;
import org.hotline.ivr.flow.Ref;

/**
 * Finds loops (strongly connected parts of the node graph, global-key jumps included) where no node carries a
 * {@code maxVisits} bound: a caller could go round them for ever.
 */
final class LoopCheck {

    private final Flow flow;
    private final List<FlowProblem> problems;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private int counter;

    LoopCheck(Flow flow, List<FlowProblem> problems) {
        this.flow = flow;
        this.problems = problems;
    }

    void run() {
        for (String id : flow.nodes().keySet()) {
            if (!index.containsKey(id)) {
                connect(id);
            }
        }
    }

    private List<String> successors(FlowNode node) {
        List<String> next = new ArrayList<>();
        node.exits().stream().map(Ref::target).filter(flow.nodes()::containsKey).forEach(next::add);
        if (node.listens()) {
            for (Ref global : new Ref[] {flow.globalKeys().onDanger(), flow.globalKeys().onOperator()}) {
                if (global != null && global.target() != null && flow.nodes().containsKey(global.target())) {
                    next.add(global.target());
                }
            }
        }
        return next;
    }

    // Tarjan's algorithm; flows are small, so recursion depth is no concern.
    private void connect(String id) {
        index.put(id, counter);
        low.put(id, counter);
        counter++;
        stack.push(id);
        FlowNode node = flow.nodes().get(id);
        boolean selfLoop = false;
        for (String next : successors(node)) {
            selfLoop |= next.equals(id);
            if (!index.containsKey(next)) {
                connect(next);
                low.put(id, Math.min(low.get(id), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(id, Math.min(low.get(id), index.get(next)));
            }
        }
        if (low.get(id).equals(index.get(id))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(id));
            if (component.size() > 1 || selfLoop) {
                checkBounded(component);
            }
        }
    }

    private void checkBounded(List<String> component) {
        boolean bounded = component.stream().map(flow.nodes()::get).anyMatch(n -> n.maxVisits() > 0);
        if (!bounded) {
            FlowNode first = component.stream().map(flow.nodes()::get)
                    .min((a, b) -> Integer.compare(a.line(), b.line())).orElseThrow();
            List<String> sorted = component.stream().sorted().toList();
            problems.add(new FlowProblem(flow.source(), first.line(),
                    "loop through " + sorted + " has no retry bound: give one of its nodes 'maxVisits' and 'onExhausted'"));
        }
    }
}
