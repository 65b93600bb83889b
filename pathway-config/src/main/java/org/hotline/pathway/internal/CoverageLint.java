package org.hotline.pathway.internal;

import static org.hotline.pathway.ProblemCodes.CHILD_PROTECTION_GAP;
import static org.hotline.pathway.ProblemCodes.COVERAGE_GAP;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.hotline.pathway.CoverageMatrix.Cell;
import org.hotline.pathway.CoverageMatrix;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.TipFacts;

/**
 * Checks run on the compiled pathway: combinations only the fallback receives (a warning: the coordinator
 * still gets them) and child combinations that reach no child protection agency (an error: Do No Harm).
 */
final class CoverageLint {

    private final Pathway pathway;
    private final Problems problems;

    CoverageLint(Pathway pathway, Problems problems) {
        this.pathway = pathway;
        this.problems = problems;
    }

    void run() {
        var matrix = CoverageMatrix.of(pathway);
        report(matrix.cells(), Cell::gap, COVERAGE_GAP, "reach only the fallback agency");
        report(matrix.cells(), c -> c.child() && c.agencies().stream().noneMatch(this::childProtection),
                CHILD_PROTECTION_GAP, "reach no social_welfare (child protection) agency");
        partialChildTips();
    }

    /**
     * Many tips are partial (the caller hung up before choosing a type or region); a child in such a tip
     * still needs child protection.
     */
    private void partialChildTips() {
        var missing = new ArrayList<String>();
        var regions = new ArrayList<String>();
        regions.add(null);
        pathway.definition().regions().forEach(r -> regions.add(r.code()));
        var types = new ArrayList<String>();
        types.add(null);
        types.addAll(pathway.exploitationTypes());
        for (var type : types) {
            for (var region : regions) {
                if ((type == null || region == null) && !reachesChildProtection(type, region)) {
                    missing.add((type == null ? "unknown type" : type) + "/" + (region == null ? "unknown region" : region));
                }
            }
        }
        if (!missing.isEmpty()) {
            problems.at("exploitation_types", CHILD_PROTECTION_GAP, "child tips whose type or region is not known yet"
                    + " reach no social_welfare (child protection) agency: " + missing);
        }
    }

    private boolean reachesChildProtection(String type, String region) {
        var facts = new TipFacts(type, region, true, false, null, false, null, Set.of());
        return pathway.route(facts).recipients().stream().anyMatch(r -> childProtection(r.agencyId()));
    }

    private boolean childProtection(String agencyId) {
        return pathway.agency(agencyId).map(a -> RuleLint.CHILD_PROTECTION_KIND.equals(a.kind())).orElse(false);
    }

    /** One problem per exploitation type and age group, listing the regions, at that type's line. */
    private void report(List<Cell> cells, Predicate<Cell> bad, String code, String what) {
        var grouped = new LinkedHashMap<String, List<String>>();
        for (var cell : cells) {
            if (bad.test(cell)) {
                grouped.computeIfAbsent(cell.exploitationType() + "|" + cell.child(), k -> new ArrayList<>())
                        .add(cell.region());
            }
        }
        grouped.forEach((key, regions) -> {
            var type = key.substring(0, key.indexOf('|'));
            boolean child = key.endsWith("true");
            int index = pathway.exploitationTypes().indexOf(type);
            problems.at("exploitation_types[" + index + "]", code, (child ? "child" : "adult") + " " + type
                    + " tips from " + regions + " " + what);
        });
    }
}
