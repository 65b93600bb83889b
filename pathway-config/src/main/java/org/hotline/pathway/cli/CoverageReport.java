package org.hotline.pathway.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.hotline.pathway.CoverageMatrix;
import org.hotline.pathway.Pathway;

/**
 * Prints the coverage matrix compactly: per exploitation type and age group, regions sharing the same
 * agencies are listed together; cells only the fallback receives are marked.
 */
final class CoverageReport {

    private final PrintStream out;

    CoverageReport(PrintStream out) {
        this.out = out;
    }

    void print(Pathway pathway, CoverageMatrix matrix) {
        out.printf("Coverage of pathway %s version %s (no danger, not cross-border, no consents)%n", pathway.id(),
                pathway.version());
        for (String type : pathway.exploitationTypes()) {
            for (boolean child : new boolean[] {false, true}) {
                var groups = new LinkedHashMap<String, List<String>>();
                matrix.cells().stream().filter(c -> c.exploitationType().equals(type) && c.child() == child)
                        .forEach(c -> groups.computeIfAbsent(String.join(", ", c.agencies())
                                + (c.gap() ? "  (FALLBACK ONLY - gap)" : ""), k -> new ArrayList<>()).add(c.region()));
                var label = String.format("%-20s %-5s", type, child ? "child" : "adult");
                boolean first = true;
                for (var g : groups.entrySet()) {
                    var regions = groups.size() == 1 ? "all regions" : String.join(",", g.getValue());
                    out.printf("%s  %-22s %s%n", first ? label : " ".repeat(label.length()), regions, g.getKey());
                    first = false;
                }
            }
        }
        out.printf("%d of %d cells reach only the fallback%n", matrix.gaps().size(), matrix.cells().size());
    }
}
