package org.hotline.pathway;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.pathway.model.Region;

/**
 * Who a plain tip reaches for every exploitation type x region x child/adult combination (no danger, not
 * cross-border, no nationality, no consents). A cell is a {@code gap} when only the fallback receives it.
 */
public record CoverageMatrix(String pathwayId, String pathwayVersion, List<Cell> cells) {

    public CoverageMatrix {
        cells = List.copyOf(cells);
    }

    /** One combination and the agencies (ids, in routing order) that receive it. */
    public record Cell(String exploitationType, String region, boolean child, List<String> agencies, boolean gap) {
        public Cell {
            agencies = List.copyOf(agencies);
        }
    }

    /** Evaluates every combination, in menu order of types and regions, adult before child. */
    public static CoverageMatrix of(Pathway pathway) {
        var cells = new ArrayList<Cell>();
        for (String type : pathway.exploitationTypes()) {
            for (Region region : pathway.definition().regions()) {
                for (boolean child : new boolean[] {false, true}) {
                    var routing = pathway.route(new TipFacts(type, region.code(), child, false, null, false, null,
                            Set.of()));
                    var agencies = routing.recipients().stream().map(Recipient::agencyId).toList();
                    cells.add(new Cell(type, region.code(), child, agencies, routing.fallbackUsed()));
                }
            }
        }
        return new CoverageMatrix(pathway.id(), pathway.version(), cells);
    }

    public List<Cell> gaps() {
        return cells.stream().filter(Cell::gap).toList();
    }
}
