package org.hotline.pathway.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The whole pathway document as parsed, before compilation. Records compare by value (used by diff). */
public record PathwayDefinition(
        Header header,
        Defaults defaults,
        List<Region> regions,
        List<String> exploitationTypes,
        List<AgencyEntry> agencies,
        List<Profile> profiles,
        List<Rule> rules,
        List<TransnationalRule> transnational,
        Referral fallback) {

    public PathwayDefinition {
        regions = List.copyOf(regions);
        exploitationTypes = List.copyOf(exploitationTypes);
        agencies = List.copyOf(agencies);
        profiles = List.copyOf(profiles);
        rules = List.copyOf(rules);
        transnational = List.copyOf(transnational);
    }

    public Optional<AgencyEntry> agency(String id) {
        return agencies.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Profile> profile(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Ordinary rules followed by transnational rules, in file order: the evaluation order. */
    public List<Rule> allRules() {
        var all = new ArrayList<>(rules);
        transnational.forEach(t -> all.add(t.asRule()));
        return List.copyOf(all);
    }
}
