package org.hotline.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hotline.pathway.internal.Durations;
import org.hotline.pathway.internal.RecordDiff;
import org.hotline.pathway.model.AgencyEntry;
import org.hotline.pathway.model.PathwayDefinition;
import org.hotline.pathway.model.Profile;
import org.hotline.pathway.model.Rule;

/**
 * What changed between two pathway versions: agencies, profiles, rules (transnational included) and the
 * other sections, plus which sample tips and which coverage cells would now be routed differently.
 */
public record PathwayDiff(
        String fromVersion,
        String toVersion,
        List<Change> agencies,
        List<Change> profiles,
        List<Change> rules,
        List<Change> other,
        List<RoutingChange> tips,
        List<CoverageChange> coverage) {

    public PathwayDiff {
        agencies = List.copyOf(agencies);
        profiles = List.copyOf(profiles);
        rules = List.copyOf(rules);
        other = List.copyOf(other);
        tips = List.copyOf(tips);
        coverage = List.copyOf(coverage);
    }

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One entry added, removed or changed; {@code details} name the changed keys with old and new values. */
    public record Change(String id, Kind kind, List<String> details) {
        public Change {
            details = List.copyOf(details);
        }
    }

    /**
     * A sample tip routed differently: recipients before and after, each as
     * {@code agency [profile, PRIORITY, deadline]}, and for each agency that gets it in both versions but with other
     * fields, {@code payload} says which ({@code agency: now also location; no longer employer}): a profile's fields
     * changed, or an override now applies.
     */
    public record RoutingChange(int index, String reference, List<String> before, List<String> after,
            List<String> payload) {
        public RoutingChange {
            before = List.copyOf(before);
            after = List.copyOf(after);
            payload = List.copyOf(payload);
        }
    }

    /** A coverage cell (type x region x child/adult) whose agencies or fallback-only status changed. */
    public record CoverageChange(String exploitationType, String region, boolean child, List<String> before,
            List<String> after, boolean gapBefore, boolean gapAfter) {
        public CoverageChange {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    public boolean isEmpty() {
        return agencies.isEmpty() && profiles.isEmpty() && rules.isEmpty() && other.isEmpty() && tips.isEmpty()
                && coverage.isEmpty();
    }

    /** Compares two versions, routing {@code sampleTips} (may be empty) through both. */
    public static PathwayDiff compare(Pathway from, Pathway to, List<Map<String, Object>> sampleTips) {
        PathwayDefinition a = from.definition();
        PathwayDefinition b = to.definition();
        return new PathwayDiff(from.version(), to.version(),
                changes(a.agencies(), b.agencies(), AgencyEntry::id),
                changes(a.profiles(), b.profiles(), Profile::id),
                changes(a.allRules(), b.allRules(), Rule::id),
                other(a, b),
                tips(from, to, sampleTips),
                coverage(CoverageMatrix.of(from), CoverageMatrix.of(to)));
    }

    private static <T extends Record> List<Change> changes(List<T> before, List<T> after, Function<T, String> id) {
        var old = index(before, id);
        var now = index(after, id);
        var out = new ArrayList<Change>();
        old.forEach((key, value) -> {
            if (!now.containsKey(key)) {
                out.add(new Change(key, Kind.REMOVED, List.of()));
            } else if (!value.equals(now.get(key))) {
                out.add(new Change(key, Kind.CHANGED, RecordDiff.describe(value, now.get(key))));
            }
        });
        now.forEach((key, value) -> {
            if (!old.containsKey(key)) {
                out.add(new Change(key, Kind.ADDED, List.of()));
            }
        });
        return out;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        var map = new LinkedHashMap<String, T>();
        items.forEach(i -> map.put(id.apply(i), i));
        return map;
    }

    private static List<Change> other(PathwayDefinition a, PathwayDefinition b) {
        var out = new ArrayList<Change>();
        section(out, "pathway", a.header(), b.header());
        section(out, "defaults", a.defaults(), b.defaults());
        section(out, "fallback", a.fallback(), b.fallback());
        if (!a.regions().equals(b.regions())) {
            out.add(new Change("regions", Kind.CHANGED, List.of(a.regions() + " -> " + b.regions())));
        }
        if (!a.exploitationTypes().equals(b.exploitationTypes())) {
            out.add(new Change("exploitation_types", Kind.CHANGED,
                    List.of(a.exploitationTypes() + " -> " + b.exploitationTypes())));
        }
        return out;
    }

    private static void section(List<Change> out, String name, Record before, Record after) {
        if (!Objects.equals(before, after)) {
            out.add(new Change(name, Kind.CHANGED, RecordDiff.describe(before, after)));
        }
    }

    private static List<RoutingChange> tips(Pathway from, Pathway to, List<Map<String, Object>> tips) {
        var out = new ArrayList<RoutingChange>();
        for (int i = 0; i < tips.size(); i++) {
            var tip = tips.get(i);
            var routedBefore = from.route(TipFields.facts(tip));
            var routedAfter = to.route(TipFields.facts(tip));
            var before = summary(routedBefore);
            var after = summary(routedAfter);
            var payload = payloadChanges(from, routedBefore, to, routedAfter, tip);
            if (!before.equals(after) || !payload.isEmpty()) {
                out.add(new RoutingChange(i + 1, Objects.toString(tip.get("reference"), "#" + (i + 1)), before, after,
                        payload));
            }
        }
        return out;
    }

    /** Per agency that receives the tip in both versions: the payload fields it gains and loses. */
    private static List<String> payloadChanges(Pathway from, Routing before, Pathway to, Routing after,
            Map<String, Object> tip) {
        var old = new LinkedHashMap<String, java.util.Set<String>>();
        before.recipients().forEach(r -> old.put(r.agencyId(), from.disclose(r, tip).payload().keySet()));
        var out = new ArrayList<String>();
        for (Recipient r : after.recipients()) {
            var was = old.get(r.agencyId());
            if (was == null) {
                continue;
            }
            var now = to.disclose(r, tip).payload().keySet();
            var gained = now.stream().filter(f -> !was.contains(f)).sorted().toList();
            var lost = was.stream().filter(f -> !now.contains(f)).sorted().toList();
            if (!gained.isEmpty() || !lost.isEmpty()) {
                out.add(r.agencyId() + ": " + (gained.isEmpty() ? "" : "now also " + String.join(", ", gained))
                        + (!gained.isEmpty() && !lost.isEmpty() ? "; " : "")
                        + (lost.isEmpty() ? "" : "no longer " + String.join(", ", lost)));
            }
        }
        return out;
    }

    private static List<String> summary(Routing routing) {
        return routing.recipients().stream().map(r -> r.agencyId() + " [" + r.profile() + ", " + r.priority() + ", "
                + Durations.format(r.acknowledgeWithin()) + "]").toList();
    }

    private static List<CoverageChange> coverage(CoverageMatrix before, CoverageMatrix after) {
        var old = new LinkedHashMap<String, CoverageMatrix.Cell>();
        before.cells().forEach(c -> old.put(key(c), c));
        var out = new ArrayList<CoverageChange>();
        for (var cell : after.cells()) {
            var was = old.get(key(cell));
            var wasAgencies = was == null ? List.<String>of() : was.agencies();
            boolean wasGap = was != null && was.gap();
            if (!wasAgencies.equals(cell.agencies()) || wasGap != cell.gap()) {
                out.add(new CoverageChange(cell.exploitationType(), cell.region(), cell.child(), wasAgencies,
                        cell.agencies(), wasGap, cell.gap()));
            }
        }
        return out;
    }

    private static String key(CoverageMatrix.Cell c) {
        return c.exploitationType() + "|" + c.region() + "|" + c.child();
    }
}
