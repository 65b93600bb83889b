package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hotline.pathway.model.Conditions;
import org.hotline.pathway.model.Rule;
import org.junit.jupiter.api.Test;

/**
 * The compiled bitset matcher agrees with a plain reading of the rule conditions on many random tips,
 * including unknown values, over more than 64 rules (so several bitset words are used).
 */
class MatcherOracleTest {

    private static final List<String> TYPES = List.of("forced_labour", "sexual_exploitation", "child_labour");
    private static final List<String> REGIONS = List.of("MO", "NI");
    private static final List<String> NATIONS = List.of("SL", "GN", "LR");

    /** Builds 70 rules with assorted conditions and a rule for every child, all referring to social welfare. */
    private static String manyRules(Random random) {
        var rules = new StringBuilder("rules:\n");
        for (int i = 0; i < 70; i++) {
            var when = new ArrayList<String>();
            var type = random.nextInt(3) == 0 ? pick(random, TYPES) : null;
            if (type != null) {
                when.add("exploitation_type: [" + type + "]");
            }
            if (random.nextInt(3) == 0) {
                when.add("region: " + pick(random, REGIONS));
            }
            if (random.nextInt(4) == 0) {
                // child labour among adults only is rejected by lint (rule-never-matches)
                when.add("child_involved: " + (random.nextBoolean() || "child_labour".equals(type)));
            }
            if (random.nextInt(4) == 0) {
                when.add("immediate_danger: " + random.nextBoolean());
            }
            if (random.nextInt(4) == 0) {
                when.add("victim_nationality: [" + pick(random, NATIONS) + "]");
            }
            if (random.nextInt(4) == 0) {
                when.add("cross_border: " + random.nextBoolean());
            }
            if (random.nextInt(4) == 0) {
                when.add("consent: [" + pick(random, TipFields.CONSENT_PURPOSES) + "]");
            }
            if (random.nextInt(5) == 0) {
                when.add("caller_role: " + pick(random, TipFields.CALLER_ROLES));
            }
            rules.append("  - id: r").append(i).append("\n    when: { ").append(String.join(", ", when))
                    .append(" }\n    refer:\n      - { agency: welfare, profile: welfare, acknowledge_within: ")
                    .append(1 + i).append("h }\n");
        }
        rules.append("  - id: every-child\n    when: { child_involved: true }\n    refer:\n"
                + "      - { agency: welfare, profile: welfare, acknowledge_within: 4h }\n");
        return rules.toString();
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String maybe(Random random, List<String> values) {
        int i = random.nextInt(values.size() + 2);
        return i < values.size() ? values.get(i) : i == values.size() ? null : "unheard-of";
    }

    private static boolean accepts(Conditions c, TipFacts t) {
        return in(c.exploitationTypes(), t.exploitationType()) && in(c.regions(), t.region())
                && flag(c.childInvolved(), t.childInvolved()) && flag(c.immediateDanger(), t.immediateDanger())
                && in(c.victimNationalities(), t.victimNationality()) && flag(c.crossBorder(), t.crossBorder())
                && (c.consents() == null || t.consents().containsAll(c.consents()))
                && in(c.callerRoles(), t.callerRole());
    }

    private static boolean in(List<String> accepted, String value) {
        return accepted == null || (value != null && accepted.contains(value));
    }

    private static boolean flag(Boolean wanted, boolean actual) {
        return wanted == null || wanted == actual;
    }

    @Test
    void shouldMatchExactlyTheRulesWhoseConditionsHold() {
        // given
        var random = new Random(20261123L);
        var doc = Fixtures.VALID.substring(0, Fixtures.VALID.indexOf("rules:\n")) + manyRules(random)
                + Fixtures.VALID.substring(Fixtures.VALID.indexOf("transnational:\n"));
        doc = doc.replace("exploitation_types: [forced_labour, sexual_exploitation]",
                "exploitation_types: [forced_labour, sexual_exploitation, child_labour]");
        var pathway = Fixtures.valid(doc);
        List<Rule> rules = pathway.definition().allRules();

        for (int n = 0; n < 5_000; n++) {
            var consents = new HashSet<String>();
            TipFields.CONSENT_PURPOSES.stream().filter(p -> random.nextInt(3) == 0).forEach(consents::add);
            var facts = new TipFacts(maybe(random, TYPES), maybe(random, REGIONS), random.nextBoolean(),
                    random.nextBoolean(), maybe(random, NATIONS), random.nextBoolean(),
                    maybe(random, TipFields.CALLER_ROLES), consents);

            // when
            var routing = pathway.route(facts);

            // then
            Set<String> expected = new HashSet<>();
            rules.stream().filter(r -> accepts(r.when(), facts)).forEach(r -> expected.add(r.id()));
            var actual = new HashSet<String>();
            routing.recipients().forEach(r -> actual.addAll(r.matchedRules()));
            if (expected.isEmpty()) {
                assertThat(actual).as("%s", facts).containsExactly("fallback");
            } else {
                assertThat(actual).as("%s", facts).isEqualTo(expected);
            }
        }
    }
}
