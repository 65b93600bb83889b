package org.hotline.pathway.internal;

import static org.hotline.pathway.ProblemCodes.INVALID_VALUE;
import static org.hotline.pathway.ProblemCodes.WRONG_TYPE;
import static org.hotline.pathway.internal.NodeReader.child;
import static org.hotline.pathway.internal.NodeReader.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.pathway.model.Conditions;
import org.hotline.pathway.model.ConsentOverride;
import org.hotline.pathway.model.Referral;
import org.hotline.pathway.model.Rule;
import org.hotline.pathway.model.TransnationalRule;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code rules:} (conditions, referrals, consent override), {@code transnational:} and {@code fallback:}. */
final class RuleParser {

    private static final Set<String> CONDITION_KEYS = Set.of("exploitation_type", "region", "child_involved",
            "immediate_danger", "victim_nationality", "cross_border", "consent", "caller_role");

    private final NodeReader reader;
    private final ReferralParser referrals;

    RuleParser(NodeReader reader) {
        this.reader = reader;
        this.referrals = new ReferralParser(reader);
    }

    List<Rule> rules(Node node, String path) {
        var out = new ArrayList<Rule>();
        var items = reader.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            out.add(rule(items.get(i), index(path, i)));
        }
        return out;
    }

    private Rule rule(Node node, String path) {
        var f = reader.mapping(node, path, Set.of("id", "refer"), Set.of("description", "when", "consent_override"));
        if (f == null) {
            f = Map.of();
        }
        var refer = new ArrayList<Referral>();
        if (f.containsKey("refer")) {
            var items = reader.sequence(f.get("refer"), child(path, "refer"));
            if (items.isEmpty()) {
                reader.problems().at(f.get("refer"), child(path, "refer"), WRONG_TYPE,
                        "refer must list at least one agency");
            }
            for (int i = 0; i < items.size(); i++) {
                var p = index(child(path, "refer"), i);
                var rf = reader.mapping(items.get(i), p, ReferralParser.REQUIRED, ReferralParser.KEYS);
                refer.add(referrals.referral(rf == null ? Map.of() : rf, p));
            }
        }
        return new Rule(
                reader.optionalText(f.get("id"), child(path, "id")),
                reader.optionalText(f.get("description"), child(path, "description")),
                f.containsKey("when") ? conditions(f.get("when"), child(path, "when")) : Conditions.ANY,
                refer,
                f.containsKey("consent_override") ? override(f.get("consent_override"), child(path, "consent_override"))
                        : null);
    }

    private Conditions conditions(Node node, String path) {
        var f = reader.mapping(node, path, Set.of(), CONDITION_KEYS);
        if (f == null) {
            return Conditions.ANY;
        }
        return new Conditions(
                reader.texts(f.get("exploitation_type"), child(path, "exploitation_type")),
                reader.texts(f.get("region"), child(path, "region")),
                bool(f, "child_involved", path),
                bool(f, "immediate_danger", path),
                nationalities(f.get("victim_nationality"), child(path, "victim_nationality")),
                bool(f, "cross_border", path),
                reader.texts(f.get("consent"), child(path, "consent")),
                reader.texts(f.get("caller_role"), child(path, "caller_role")));
    }

    private Boolean bool(Map<String, Node> f, String key, String path) {
        return f.containsKey(key) ? reader.bool(f.get(key), child(path, key)) : null;
    }

    private List<String> nationalities(Node node, String path) {
        var codes = reader.texts(node, path);
        if (codes != null) {
            for (var code : codes) {
                if (!code.matches("[A-Z]{2}")) {
                    reader.problems().at(node, path, INVALID_VALUE,
                            "nationality '" + code + "' is not an ISO 3166 alpha-2 code such as SL or GN");
                }
            }
        }
        return codes;
    }

    private ConsentOverride override(Node node, String path) {
        var f = reader.mapping(node, path, Set.of("when", "fields", "reason"), Set.of());
        if (f == null) {
            return null;
        }
        var when = reader.optionalText(f.get("when"), child(path, "when"));
        if (when != null && !Set.of(ConsentOverride.CHILD_INVOLVED, ConsentOverride.IMMEDIATE_DANGER).contains(when)) {
            reader.problems().at(f.get("when"), child(path, "when"), INVALID_VALUE,
                    "override condition '" + when + "' is not child_involved or immediate_danger");
            when = null;
        }
        var fields = f.containsKey("fields") ? reader.texts(f.get("fields"), child(path, "fields")) : List.<String>of();
        return new ConsentOverride(when, fields, reader.optionalText(f.get("reason"), child(path, "reason")));
    }

    List<TransnationalRule> transnational(Node node, String path) {
        var out = new ArrayList<TransnationalRule>();
        if (node == null) {
            return out;
        }
        var items = reader.sequence(node, path);
        var optional = new HashSet<>(ReferralParser.KEYS);
        optional.addAll(Set.of("description", "requires_consent"));
        var required = new HashSet<>(ReferralParser.REQUIRED);
        required.addAll(Set.of("id", "victim_nationality"));
        for (int i = 0; i < items.size(); i++) {
            var p = index(path, i);
            var f = reader.mapping(items.get(i), p, required, optional);
            if (f == null) {
                f = Map.of();
            }
            var nationalities = nationalities(f.get("victim_nationality"), child(p, "victim_nationality"));
            out.add(new TransnationalRule(
                    reader.optionalText(f.get("id"), child(p, "id")),
                    reader.optionalText(f.get("description"), child(p, "description")),
                    nationalities == null ? List.of() : nationalities,
                    referrals.referral(f, p),
                    reader.optionalText(f.get("requires_consent"), child(p, "requires_consent"))));
        }
        return out;
    }

    Referral fallback(Node node, String path) {
        var required = new HashSet<>(ReferralParser.REQUIRED);
        required.add("acknowledge_within");
        var f = reader.mapping(node, path, required, ReferralParser.KEYS);
        return referrals.referral(f == null ? Map.of() : f, path);
    }

    ReferralParser referrals() {
        return referrals;
    }
}
