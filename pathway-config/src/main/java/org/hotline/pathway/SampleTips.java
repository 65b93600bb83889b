package org.hotline.pathway;

import java.util.List;
import java.util.Map;
import org.hotline.pathway.internal.SampleTipsParser;

/**
 * A file of sample tips for simulation and diff: a YAML list of tip field maps using the canonical field
 * names ({@link TipFields#ALL}) plus {@code consents} (purpose to true/false). Problems carry line numbers.
 */
public final class SampleTips {

    /** The parsed tips, or every problem found. */
    public sealed interface Result {
        record Parsed(List<Map<String, Object>> tips) implements Result {
            public Parsed {
                tips = List.copyOf(tips);
            }
        }

        record Invalid(List<Problem> problems) implements Result {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    private SampleTips() {}

    /**
     * Parses a sample tips document. Booleans ({@code childInvolved}, {@code immediateDanger},
     * {@code crossBorder}) become {@link Boolean}, {@code victimCount} an {@link Integer}, lists (e.g.
     * {@code needs}) lists of strings, consents a {@code Map<String, Boolean>}; other values stay text.
     */
    public static Result parse(String yamlText, String sourceName) {
        return SampleTipsParser.parse(yamlText, sourceName);
    }
}
