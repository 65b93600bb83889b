package org.hotline.ivr.flow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.TipIntake;
import org.hotline.ivr.flow.internal.FlowScript;

/** Entry point for the host: the AGI script that runs the flows of a registry. */
public final class HotlineFlows {

    private HotlineFlows() {}

    /**
     * The script for every flow of the registry, chosen by the AGI script path ({@code agi://…/hotline},
     * {@code agi://…/followup}); an unknown path ends with {@code HOTLINE_STATUS=UNKNOWN_SCRIPT}.
     *
     * @throws IllegalArgumentException when a host list names a prompt missing from a complete language's
     *     catalogue (a partial catalogue never stops a node)
     */
    public static AgiScript script(FlowRegistry registry, TipIntake intake, FollowUpDesk desk, FlowOptions options,
                                   Clock clock) {
        List<String> missing = new ArrayList<>();
        FlowSet set = registry.current();
        // complete languages must have every entry's prompt; a partial language plays a missing one in the
        // default language like any other prompt it lacks
        options.lists().forEach((name, choices) -> choices.forEach(choice ->
                set.completeLanguages().stream().map(set.catalogues()::get).forEach(catalogue -> {
                    if (catalogue.find(choice.prompt()).isEmpty()) {
                        missing.add("lists." + name + ": prompt '" + choice.prompt() + "' missing in '"
                                + catalogue.language() + "'");
                    }
                })));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("flow options do not fit the prompt catalogues: " + missing);
        }
        return new FlowScript(registry, intake, desk, options, clock);
    }
}
