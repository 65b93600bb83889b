package org.hotline.pathway.internal;

import static org.hotline.pathway.ProblemCodes.EMPTY_DOCUMENT;
import static org.hotline.pathway.ProblemCodes.INVALID_VALUE;
import static org.hotline.pathway.ProblemCodes.YAML_SYNTAX;
import static org.hotline.pathway.internal.NodeReader.child;
import static org.hotline.pathway.internal.NodeReader.index;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.pathway.LoadOptions;
import org.hotline.pathway.model.Defaults;
import org.hotline.pathway.model.Header;
import org.hotline.pathway.model.PathwayDefinition;
import org.hotline.pathway.model.Profile;
import org.hotline.pathway.model.Region;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Turns pathway YAML text into a {@link PathwayDefinition}, reporting every structural problem (syntax,
 * unknown or missing keys, wrong types, malformed values) with its line. Parsing never stops at the first
 * problem; an element with problems is kept with null parts so later checks keep their list positions.
 */
public final class DefinitionParser {

    private static final Set<String> ROOT_REQUIRED =
            Set.of("pathway", "regions", "exploitation_types", "agencies", "profiles", "rules", "fallback");
    private static final Set<String> ROOT_OPTIONAL = Set.of("defaults", "transnational");

    private final NodeReader reader;
    private final Problems problems;
    private final LoadOptions options;

    private DefinitionParser(Problems problems, Map<String, String> env, LoadOptions options) {
        this.problems = problems;
        this.reader = new NodeReader(problems, env);
        this.options = options;
    }

    /** The definition, or null when the text is not YAML or not a mapping at all (problems say why). */
    public static PathwayDefinition parse(String yamlText, Problems problems, Map<String, String> env,
            LoadOptions options) {
        var root = compose(yamlText, problems);
        return root == null ? null : new DefinitionParser(problems, env, options).definition(root);
    }

    /** The composed node tree of a single YAML document, or null with a problem. */
    public static Node compose(String yamlText, Problems problems) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by NodeReader with their line instead
        try {
            var root = new Yaml(options).compose(new StringReader(yamlText));
            if (root == null) {
                problems.at("", EMPTY_DOCUMENT, "the file is empty");
            }
            return root;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            var what = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            problems.at(mark, "", YAML_SYNTAX, "not valid YAML: " + what);
        } catch (YAMLException e) {
            problems.at("", YAML_SYNTAX, "not valid YAML: " + e.getMessage());
        }
        return null;
    }

    private PathwayDefinition definition(Node root) {
        problems.mark("", root);
        var f = reader.mapping(root, "", ROOT_REQUIRED, ROOT_OPTIONAL);
        if (f == null) {
            return null;
        }
        var rules = new RuleParser(reader);
        var agencies = new AgencyParser(reader, options);
        return new PathwayDefinition(
                f.containsKey("pathway") ? header(f.get("pathway"), "pathway") : null,
                f.containsKey("defaults") ? defaults(f.get("defaults"), rules.referrals()) : Defaults.STANDARD,
                f.containsKey("regions") ? regions(f.get("regions"), "regions") : List.of(),
                f.containsKey("exploitation_types")
                        ? reader.textList(f.get("exploitation_types"), "exploitation_types") : List.of(),
                f.containsKey("agencies") ? agencies.agencies(f.get("agencies"), "agencies") : List.of(),
                f.containsKey("profiles") ? profiles(f.get("profiles"), "profiles") : List.of(),
                f.containsKey("rules") ? rules.rules(f.get("rules"), "rules") : List.of(),
                rules.transnational(f.get("transnational"), "transnational"),
                f.containsKey("fallback") ? rules.fallback(f.get("fallback"), "fallback") : null);
    }

    private Header header(Node node, String path) {
        var f = reader.mapping(node, path, Set.of("id", "version", "name", "country"),
                Set.of("effective_from", "description"));
        if (f == null) {
            return null;
        }
        var country = reader.optionalText(f.get("country"), child(path, "country"));
        if (country != null && !country.matches("[A-Z]{2}")) {
            problems.at(f.get("country"), child(path, "country"), INVALID_VALUE,
                    "country '" + country + "' is not an ISO 3166 alpha-2 code such as LR");
        }
        LocalDate effective = null;
        var date = reader.optionalText(f.get("effective_from"), child(path, "effective_from"));
        if (date != null) {
            try {
                effective = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problems.at(f.get("effective_from"), child(path, "effective_from"), INVALID_VALUE,
                        "'" + date + "' is not a date YYYY-MM-DD");
            }
        }
        return new Header(reader.optionalText(f.get("id"), child(path, "id")),
                reader.optionalText(f.get("version"), child(path, "version")),
                reader.optionalText(f.get("name"), child(path, "name")), country, effective);
    }

    private Defaults defaults(Node node, ReferralParser referrals) {
        var f = reader.mapping(node, "defaults", Set.of(), Set.of("priority", "acknowledge_within"));
        if (f == null) {
            return Defaults.STANDARD;
        }
        var priority = referrals.priority(f.get("priority"), "defaults.priority");
        var within = referrals.duration(f.get("acknowledge_within"), "defaults.acknowledge_within");
        return new Defaults(priority == null ? Defaults.STANDARD.priority() : priority,
                within == null ? Defaults.STANDARD.acknowledgeWithin() : within);
    }

    private List<Region> regions(Node node, String path) {
        var out = new ArrayList<Region>();
        var items = reader.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            var p = index(path, i);
            var f = reader.mapping(items.get(i), p, Set.of("code", "name", "keypad"), Set.of());
            if (f == null) {
                f = Map.of();
            }
            var code = reader.optionalText(f.get("code"), child(p, "code"));
            if (code != null && !code.matches("[A-Za-z0-9_-]+")) {
                problems.at(f.get("code"), child(p, "code"), INVALID_VALUE,
                        "region code '" + code + "' may only hold letters, digits, '_' and '-'");
            }
            var keypad = reader.optionalText(f.get("keypad"), child(p, "keypad"));
            if (keypad != null && !keypad.matches("[1-9]")) {
                problems.at(f.get("keypad"), child(p, "keypad"), INVALID_VALUE,
                        "keypad '" + keypad + "' must be one digit 1-9");
            }
            out.add(new Region(code, reader.optionalText(f.get("name"), child(p, "name")), keypad));
        }
        return out;
    }

    private List<Profile> profiles(Node node, String path) {
        var out = new ArrayList<Profile>();
        var items = reader.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            var p = index(path, i);
            var f = reader.mapping(items.get(i), p, Set.of("id", "fields"), Set.of("description", "requires_consent"));
            if (f == null) {
                f = Map.of();
            }
            var gated = new LinkedHashMap<String, String>();
            if (f.containsKey("requires_consent")) {
                var rp = child(p, "requires_consent");
                var entries = reader.mapping(f.get("requires_consent"), rp, Set.of(), Set.copyOf(anyKey(f.get("requires_consent"))));
                if (entries != null) {
                    entries.forEach((field, purpose) -> {
                        var text = reader.text(purpose, child(rp, field));
                        if (text != null) {
                            gated.put(field, text);
                        }
                    });
                }
            }
            out.add(new Profile(reader.optionalText(f.get("id"), child(p, "id")),
                    reader.optionalText(f.get("description"), child(p, "description")),
                    f.containsKey("fields") ? reader.textList(f.get("fields"), child(p, "fields")) : List.of(),
                    gated));
        }
        return out;
    }

    /** Field names are checked by the linter (unknown-field), so any key is accepted here. */
    private static List<String> anyKey(Node node) {
        if (node instanceof MappingNode m) {
            return m.getValue().stream().map(t -> t.getKeyNode())
                    .filter(k -> k instanceof ScalarNode)
                    .map(k -> ((ScalarNode) k).getValue()).distinct().toList();
        }
        return List.of();
    }
}
