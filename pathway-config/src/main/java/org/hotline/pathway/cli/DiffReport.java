package org.hotline.pathway.cli;

import java.io.PrintStream;
import java.util.List;
import org.hotline.pathway.PathwayDiff;
import org.hotline.pathway.PathwayDiff.Change;

/** Prints a {@link PathwayDiff}: changed entries by section, then changed routing of tips and coverage. */
final class DiffReport {

    private final PrintStream out;

    DiffReport(PrintStream out) {
        this.out = out;
    }

    void print(PathwayDiff diff, boolean withTips) {
        out.printf("Changes from version %s to %s%n", diff.fromVersion(), diff.toVersion());
        if (diff.isEmpty()) {
            out.println("  no differences");
            return;
        }
        section("Agencies", diff.agencies());
        section("Profiles", diff.profiles());
        section("Rules", diff.rules());
        section("Other sections", diff.other());
        if (withTips) {
            out.printf("%nSample tips routed or disclosed differently: %d%n", diff.tips().size());
            diff.tips().forEach(t -> {
                out.printf("  tip %d %s%n", t.index(), t.reference());
                out.printf("    before: %s%n", String.join("; ", t.before()));
                out.printf("    after:  %s%n", String.join("; ", t.after()));
                t.payload().forEach(p -> out.printf("    payload %s%n", p));
            });
        }
        out.printf("%nCoverage cells routed differently: %d%n", diff.coverage().size());
        diff.coverage().forEach(c -> out.printf("  %s %s %s: %s%s -> %s%s%n", c.exploitationType(), c.region(),
                c.child() ? "child" : "adult", c.before(), c.gapBefore() ? " (fallback only)" : "", c.after(),
                c.gapAfter() ? " (fallback only)" : ""));
    }

    private void section(String title, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        out.printf("%n%s:%n", title);
        for (var c : changes) {
            out.printf("  %s %s%n", switch (c.kind()) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case CHANGED -> "~";
            }, c.id());
            c.details().forEach(d -> out.printf("      %s%n", d));
        }
    }
}
