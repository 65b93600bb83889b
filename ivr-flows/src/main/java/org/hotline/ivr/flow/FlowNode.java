package org.hotline.ivr.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One node of a flow: its id, the line it starts on, an optional visit bound, and what it does.
 *
 * @param maxVisits how often one call may enter this node (0 = unbounded); a bound is what makes a loop
 *     through this node acceptable to the validator
 * @param onExhausted where a call goes when it would enter the node more than {@code maxVisits} times
 */
public record FlowNode(String id, int line, int maxVisits, Ref onExhausted, NodeKind kind) {

    /** Every node this node can lead to, including fallbacks; references left empty in the file are skipped. */
    public List<Ref> exits() {
        List<Ref> exits = new ArrayList<>(kind.exits());
        if (onExhausted != null) {
            exits.add(onExhausted);
        }
        if (kind instanceof NodeKind.Listening listening && listening.input() != null) {
            exits.add(listening.input().onFail());
        }
        return exits.stream().filter(r -> r != null && r.target() != null).toList();
    }

    /** Every prompt this node plays. */
    public List<PromptRef> prompts() {
        return kind.prompts().stream().filter(Objects::nonNull).toList();
    }

    /** Whether the node waits for keys (and so honours global keys). */
    public boolean listens() {
        return kind instanceof NodeKind.Listening;
    }

    static List<Ref> refs(Ref... refs) {
        return Stream.of(refs).filter(Objects::nonNull).toList();
    }
}
