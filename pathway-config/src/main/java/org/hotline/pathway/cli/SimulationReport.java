package org.hotline.pathway.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwaySimulator.Delivery;
import org.hotline.pathway.PathwaySimulator.Outcome;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.TipFields;
import org.hotline.pathway.internal.Durations;

/** Prints each simulated tip: its facts, every recipient with terms and the exact payload it would get. */
final class SimulationReport {

    private final PrintStream out;

    SimulationReport(PrintStream out) {
        this.out = out;
    }

    void print(Pathway pathway, List<Outcome> outcomes) {
        out.printf("Pathway %s version %s - %d tip(s)%n", pathway.id(), pathway.version(), outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            var o = outcomes.get(i);
            out.println();
            out.printf("Tip %d %s: %s%n", i + 1, Objects.toString(o.tip().get("reference"), "(no reference)"),
                    facts(o.tip()));
            if (o.routing().fallbackUsed()) {
                out.println("  no rule matched: fallback");
            }
            o.deliveries().forEach(this::delivery);
        }
    }

    private static String facts(Map<String, Object> tip) {
        var f = TipFields.facts(tip);
        var parts = new ArrayList<String>();
        parts.add(Objects.toString(f.exploitationType(), "type unknown"));
        parts.add("region " + Objects.toString(f.region(), "unknown"));
        if (f.childInvolved()) {
            parts.add("child");
        }
        if (f.immediateDanger()) {
            parts.add("IMMEDIATE DANGER");
        }
        if (f.crossBorder()) {
            parts.add("cross-border");
        }
        if (f.victimNationality() != null) {
            parts.add("nationality " + f.victimNationality());
        }
        parts.add("consents " + (f.consents().isEmpty() ? "none" : new TreeSet<>(f.consents())));
        return String.join(", ", parts);
    }

    private void delivery(Delivery d) {
        Recipient r = d.recipient();
        out.printf("  -> %s (%s)%n", r.agencyId(), r.agencyName());
        out.printf("     %s, acknowledge within %s, profile %s, escalate to %s%n", r.priority(),
                Durations.format(r.acknowledgeWithin()), r.profile(), String.join(" > ", r.escalationChain()));
        out.printf("     rules: %s; channels: %s%n", String.join(", ", r.matchedRules()),
                String.join(", ", r.channels().stream().map(c -> c.kind()).toList()));
        d.disclosure().payload().forEach((k, v) -> out.printf("     | %s: %s%n", k, v));
        if (!d.disclosure().withheld().isEmpty()) {
            out.printf("     withheld (no consent): %s%n", String.join(", ", d.disclosure().withheld()));
        }
        d.disclosure().overrides().forEach(o -> out.printf(
                "     CONSENT OVERRIDE: %s shared without %s by rule %s (%s): %s%n",
                o.field(), o.consentPurpose(), o.ruleId(), o.condition(), o.reason()));
    }
}
