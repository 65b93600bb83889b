package org.hotline.pathway.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.hotline.pathway.TipFacts;
import org.hotline.pathway.TipFields;
import org.hotline.pathway.model.Conditions;

/**
 * Rule conditions compiled into bitsets: for each condition dimension and each value, the set of rules
 * that accept it. Matching a tip is a handful of map look-ups and word-wise ANDs, independent of how the
 * rules were written.
 */
final class RuleMatcher {

    private final int ruleCount;
    private final int words;
    private final Dimension types;
    private final Dimension regions;
    private final Dimension child;
    private final Dimension danger;
    private final Dimension nationality;
    private final Dimension crossBorder;
    private final Dimension roles;
    private final int[] requiredConsents;

    RuleMatcher(List<Conditions> rules) {
        this.ruleCount = rules.size();
        this.words = Math.max(1, (ruleCount + 63) / 64);
        this.types = Dimension.of(rules, Conditions::exploitationTypes, words);
        this.regions = Dimension.of(rules, Conditions::regions, words);
        this.child = Dimension.of(rules, c -> flag(c.childInvolved()), words);
        this.danger = Dimension.of(rules, c -> flag(c.immediateDanger()), words);
        this.nationality = Dimension.of(rules, c -> upper(c.victimNationalities()), words);
        this.crossBorder = Dimension.of(rules, c -> flag(c.crossBorder()), words);
        this.roles = Dimension.of(rules, Conditions::callerRoles, words);
        this.requiredConsents = new int[ruleCount];
        for (int r = 0; r < ruleCount; r++) {
            requiredConsents[r] = consentMask(rules.get(r).consents());
        }
    }

    /** Indexes of the matching rules, ascending (file order). */
    int[] match(TipFacts facts) {
        long[] hits = types.accepting(facts.exploitationType()).clone();
        and(hits, regions.accepting(facts.region()));
        and(hits, child.accepting(Boolean.toString(facts.childInvolved())));
        and(hits, danger.accepting(Boolean.toString(facts.immediateDanger())));
        var nat = facts.victimNationality();
        and(hits, nationality.accepting(nat == null ? null : nat.toUpperCase(Locale.ROOT)));
        and(hits, crossBorder.accepting(Boolean.toString(facts.crossBorder())));
        and(hits, roles.accepting(facts.callerRole()));
        int given = consentMask(facts.consents());
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(hits[w]);
        }
        int[] out = new int[count];
        int n = 0;
        for (int w = 0; w < words; w++) {
            long bits = hits[w];
            while (bits != 0) {
                int r = w * 64 + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if ((requiredConsents[r] & ~given) == 0) {
                    out[n++] = r;
                }
            }
        }
        return n == count ? out : Arrays.copyOf(out, n);
    }

    private static void and(long[] into, long[] other) {
        for (int w = 0; w < into.length; w++) {
            into[w] &= other[w];
        }
    }

    private static List<String> flag(Boolean value) {
        return value == null ? null : List.of(value.toString());
    }

    private static List<String> upper(List<String> values) {
        return values == null ? null : values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }

    private static int consentMask(Collection<String> purposes) {
        if (purposes == null) {
            return 0;
        }
        int mask = 0;
        for (int i = 0; i < TipFields.CONSENT_PURPOSES.size(); i++) {
            if (purposes.contains(TipFields.CONSENT_PURPOSES.get(i))) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /** One condition dimension: rules accepting each value, and rules that do not constrain it. */
    private record Dimension(Map<String, long[]> byValue, long[] unconstrained) {

        static Dimension of(List<Conditions> rules, Function<Conditions, List<String>> values, int words) {
            var unconstrained = new long[words];
            var byValue = new HashMap<String, long[]>();
            for (int r = 0; r < rules.size(); r++) {
                var accepted = values.apply(rules.get(r));
                if (accepted == null) {
                    unconstrained[r / 64] |= 1L << (r % 64);
                } else {
                    for (var v : accepted) {
                        byValue.computeIfAbsent(v, k -> new long[words])[r / 64] |= 1L << (r % 64);
                    }
                }
            }
            byValue.values().forEach(set -> or(set, unconstrained));
            return new Dimension(Map.copyOf(byValue), unconstrained);
        }

        long[] accepting(String value) {
            if (value == null) {
                return unconstrained;
            }
            var set = byValue.get(value);
            return set == null ? unconstrained : set;
        }

        private static void or(long[] into, long[] other) {
            for (int w = 0; w < into.length; w++) {
                into[w] |= other[w];
            }
        }
    }
}
