package org.hotline.ivr.flow;

import java.util.LinkedHashSet;
import java.util.Set;
import org.hotline.ivr.FollowUpAnswer;

/** Every prompt a flow can play: node prompts, the engine's own prompts, list entries and follow-up statuses. */
public final class UsedPrompts {

    private UsedPrompts() {}

    /** The prompt references with the lines they were written on (0 for implied ones). */
    public static Set<PromptRef> refs(Flow flow) {
        Set<PromptRef> used = new LinkedHashSet<>(flow.commonPrompts().values());
        for (FlowNode node : flow.nodes().values()) {
            used.addAll(node.prompts());
            if (node.kind() instanceof NodeKind.FollowUpCheck) {
                for (FollowUpAnswer.TipStatus status : FollowUpAnswer.TipStatus.values()) {
                    used.add(new PromptRef(status.promptId(), node.line()));
                }
            }
        }
        flow.lists().values().forEach(list -> list.forEach(c -> used.add(new PromptRef(c.prompt(), 0))));
        return used;
    }

    /** The prompt ids alone. */
    public static Set<String> of(Flow flow) {
        Set<String> ids = new LinkedHashSet<>();
        refs(flow).stream().map(PromptRef::id).filter(id -> id != null).forEach(ids::add);
        return ids;
    }
}
