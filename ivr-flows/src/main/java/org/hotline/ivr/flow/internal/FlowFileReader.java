package org.hotline.ivr.flow.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ivr.flow.Choice;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.FlowProblem;
import org.hotline.ivr.flow.GlobalKeys;
import org.hotline.ivr.flow.Input;
import org.hotline.ivr.flow.OpeningHours;
import org.hotline.ivr.flow.PromptRef;
import org.hotline.ivr.flow.Ref;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one flow file into a {@link Flow}, collecting every structural problem with its line. */
public final class FlowFileReader {

    private static final Set<String> TOP = Set.of("id", "version", "languages", "partialLanguages", "defaultLanguage", "start",
            "capturesTip", "defaults", "globalKeys", "prompts", "hours", "lists", "nodes", "text");
    private static final List<String> COMMON_PROMPTS = List.of("invalid", "noInput", "press");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private FlowFileReader() {}

    /** Parses a YAML file into its root node, or null with a problem for unreadable or malformed YAML. */
    static Node compose(Path file, List<FlowProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new FlowProblem(file, line, "not valid YAML: " + e.getProblem()));
        } catch (IOException | RuntimeException e) {
            problems.add(new FlowProblem(file, 0, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    /**
     * The flow in {@code file} as far as it could be read, or null when the file is not YAML at all. Any problem
     * found is added to {@code problems}; a flow read with problems must not be used.
     */
    public static Flow read(Path file, List<FlowProblem> problems) {
        Node root = compose(file, problems);
        if (root == null) {
            if (problems.isEmpty()) {
                problems.add(new FlowProblem(file, 0, "empty flow file"));
            }
            return null;
        }
        YamlMap top = new YamlMap(file, root, problems, "flow");
        top.rejectUnknown(TOP);
        String id = top.text("id");
        int version = top.integer("version", 0, 1, Integer.MAX_VALUE);
        if (!top.has("version")) {
            top.problem(top.line(), "flow: missing 'version'");
        }
        List<String> languages = top.texts("languages");
        if (languages.isEmpty()) {
            top.problem(top.lineOf("languages"), "flow: 'languages' must list at least one language");
        }
        List<String> partial = top.texts("partialLanguages");
        partial.stream().filter(languages::contains).forEach(lang -> top.problem(top.lineOf("partialLanguages"),
                "flow: language '" + lang + "' is listed both as complete and as partial"));
        String defaultLanguage = top.text("defaultLanguage");
        if (defaultLanguage != null && !languages.contains(defaultLanguage)) {
            top.problem(top.lineOf("defaultLanguage"), "flow: default language '" + defaultLanguage
                    + "' is not among the languages " + languages);
        }
        Input defaults = defaults(top.map("defaults"));
        Map<String, FlowNode> nodes = nodes(top, defaults);
        Ref start = NodeReader.ref(top, "start", true);
        Flow flow = new Flow(id, version, languages, partial, defaultLanguage, start, top.bool("capturesTip", true), nodes,
                lists(top.map("lists")), globalKeys(top.map("globalKeys")), hours(top.map("hours")),
                commonPrompts(top), file);
        return flow;
    }

    private static Input defaults(YamlMap defaults) {
        if (defaults == null) {
            return new Input(2, 5000, null);
        }
        defaults.rejectUnknown(Set.of("retries", "timeoutMs", "onFail"));
        return new Input(defaults.integer("retries", 2, 0, 5), defaults.integer("timeoutMs", 5000, 1000, 30000),
                NodeReader.ref(defaults, "onFail", false));
    }

    private static Map<String, FlowNode> nodes(YamlMap top, Input defaults) {
        YamlMap nodes = top.map("nodes");
        Map<String, FlowNode> read = new LinkedHashMap<>();
        if (nodes == null) {
            top.problem(top.line(), "flow: missing 'nodes'");
            return read;
        }
        NodeReader reader = new NodeReader(defaults);
        for (String id : nodes.keys()) {
            FlowNode node = reader.read(id, nodes.lineOf(id), nodes.map(id));
            if (node != null) {
                read.put(id, node);
            }
        }
        return read;
    }

    private static GlobalKeys globalKeys(YamlMap keys) {
        if (keys == null) {
            return new GlobalKeys("9", "0", "*", null, null);
        }
        keys.rejectUnknown(Set.of("danger", "operator", "repeat", "onDanger", "onOperator"));
        return new GlobalKeys(keys.optionalText("danger", "9"), keys.optionalText("operator", "0"),
                keys.optionalText("repeat", "*"), NodeReader.ref(keys, "onDanger", true),
                NodeReader.ref(keys, "onOperator", true));
    }

    private static Map<String, PromptRef> commonPrompts(YamlMap top) {
        YamlMap prompts = top.map("prompts");
        Map<String, PromptRef> refs = new LinkedHashMap<>();
        if (prompts == null) {
            top.problem(top.line(), "flow: missing 'prompts' (" + String.join(", ", COMMON_PROMPTS) + ")");
            return refs;
        }
        prompts.rejectUnknown(new HashSet<>(COMMON_PROMPTS));
        for (String role : COMMON_PROMPTS) {
            PromptRef ref = NodeReader.prompt(prompts, role);
            if (ref != null) {
                refs.put(role, ref);
            }
        }
        return refs;
    }

    private static Map<String, List<Choice>> lists(YamlMap lists) {
        Map<String, List<Choice>> read = new LinkedHashMap<>();
        if (lists == null) {
            return read;
        }
        for (String name : lists.keys()) {
            List<Choice> choices = new ArrayList<>();
            for (YamlMap item : lists.maps(name)) {
                item.rejectUnknown(Set.of("digit", "code", "prompt"));
                choices.add(new Choice(item.text("digit"), item.text("code"), item.text("prompt")));
            }
            read.put(name, choices);
        }
        return read;
    }

    private static OpeningHours hours(YamlMap hours) {
        if (hours == null) {
            return OpeningHours.ALWAYS;
        }
        Set<String> known = new HashSet<>(DAYS.keySet());
        known.addAll(Set.of("zone", "holidays"));
        hours.rejectUnknown(known);
        ZoneId zone = ZoneId.of("UTC");
        try {
            zone = ZoneId.of(hours.optionalText("zone", "UTC"));
        } catch (DateTimeException e) {
            hours.problem(hours.value("zone"), "flow.hours: unknown time zone '" + hours.optionalText("zone", "") + "'");
        }
        Map<DayOfWeek, List<OpeningHours.Window>> weekly = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, DayOfWeek> day : DAYS.entrySet()) {
            String spec = hours.optionalText(day.getKey(), "");
            List<OpeningHours.Window> windows = new ArrayList<>();
            for (String range : spec.isBlank() ? new String[0] : spec.split(",")) {
                windows.add(window(hours, day.getKey(), range.trim()));
            }
            weekly.put(day.getValue(), windows);
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String date : hours.texts("holidays")) {
            try {
                holidays.add(LocalDate.parse(date));
            } catch (DateTimeException e) {
                hours.problem(hours.value("holidays"), "flow.hours: holiday '" + date + "' is not a date (YYYY-MM-DD)");
            }
        }
        return new OpeningHours(zone, weekly, holidays);
    }

    private static OpeningHours.Window window(YamlMap hours, String day, String range) {
        String[] parts = range.split("-");
        try {
            if (parts.length == 2) {
                return new OpeningHours.Window(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
            }
        } catch (DateTimeException e) {
            // reported below with the same message as a malformed range
        }
        hours.problem(hours.value(day), "flow.hours." + day + ": '" + range + "' is not a window like 08:00-20:00");
        return new OpeningHours.Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT.plusNanos(1));
    }
}
