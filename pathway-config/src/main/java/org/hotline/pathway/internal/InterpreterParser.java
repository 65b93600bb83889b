package org.hotline.pathway.internal;

import static org.hotline.pathway.ProblemCodes.DUPLICATE_ID;
import static org.hotline.pathway.ProblemCodes.INVALID_VALUE;
import static org.hotline.pathway.internal.NodeReader.child;
import static org.hotline.pathway.internal.NodeReader.index;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.pathway.interpreter.Interpreter;
import org.hotline.pathway.interpreter.InterpreterDirectory;
import org.hotline.pathway.interpreter.OpenHours;
import org.yaml.snakeyaml.nodes.Node;

/** Reads an interpreter directory file (see {@link InterpreterDirectory}), reporting every problem with its line. */
public final class InterpreterParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    // what Asterisk dials; it travels in an AMI header, so no spaces, commas or line breaks
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z]{2,10}/[A-Za-z0-9_.@:+-]{1,69}");

    private InterpreterParser() {}

    public static InterpreterDirectory.Result parse(String yamlText, String sourceName) {
        var problems = new Problems(sourceName);
        var root = DefinitionParser.compose(yamlText, problems);
        ZoneId zone = ZoneId.of("UTC");
        var interpreters = new ArrayList<Interpreter>();
        if (root != null) {
            problems.mark("", root);
            var reader = new NodeReader(problems, Map.of());
            var top = reader.mapping(root, "", Set.of("zone", "interpreters"), Set.of());
            if (top != null) {
                zone = zone(reader, top.get("zone"));
                var items = top.containsKey("interpreters") ? reader.sequence(top.get("interpreters"), "interpreters")
                        : List.<Node>of();
                var ids = new HashSet<String>();
                for (int i = 0; i < items.size(); i++) {
                    var entry = interpreter(reader, items.get(i), index("interpreters", i), ids);
                    if (entry != null) {
                        interpreters.add(entry);
                    }
                }
            }
        }
        return problems.hasErrors() ? new InterpreterDirectory.Result.Invalid(problems.sorted())
                : new InterpreterDirectory.Result.Valid(new InterpreterDirectory(zone, interpreters));
    }

    private static ZoneId zone(NodeReader reader, Node node) {
        var text = node == null ? null : reader.text(node, "zone");
        if (text == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            reader.problems().at(node, "zone", INVALID_VALUE, "zone '" + text + "' is not a time zone such as Africa/Monrovia");
            return ZoneId.of("UTC");
        }
    }

    private static Interpreter interpreter(NodeReader reader, Node node, String path, Set<String> ids) {
        var fields = reader.mapping(node, path, Set.of("id", "language", "name", "endpoint"), Set.of("hours"));
        if (fields == null) {
            return null;
        }
        var id = checked(reader, fields.get("id"), child(path, "id"), ID, "lower-case letters, digits, - and _");
        if (id != null && !ids.add(id)) {
            reader.problems().at(fields.get("id"), child(path, "id"), DUPLICATE_ID,
                    "interpreter id '" + id + "' is used more than once");
            return null;
        }
        var language = checked(reader, fields.get("language"), child(path, "language"), LANGUAGE,
                "a 2- or 3-letter lower-case language code such as fr or kpe");
        var name = fields.containsKey("name") ? reader.text(fields.get("name"), child(path, "name")) : null;
        var endpoint = checked(reader, fields.get("endpoint"), child(path, "endpoint"), ENDPOINT,
                "what Asterisk dials, e.g. PJSIP/+231770000101@pstn-trunk (no spaces or commas)");
        var hours = hours(reader, fields.get("hours"), child(path, "hours"));
        if (id == null || language == null || name == null || endpoint == null || hours == null) {
            return null;
        }
        return new Interpreter(id, language, name, endpoint, hours);
    }

    private static String checked(NodeReader reader, Node node, String path, Pattern pattern, String expected) {
        if (node == null) {
            return null;
        }
        var text = reader.text(node, path);
        if (text != null && !pattern.matcher(text).matches()) {
            reader.problems().at(node, path, INVALID_VALUE, "'" + text + "' is not " + expected);
            return null;
        }
        return text;
    }

    private static List<OpenHours> hours(NodeReader reader, Node node, String path) {
        var texts = reader.texts(node, path);
        if (texts == null) {
            return List.of();
        }
        var out = new ArrayList<OpenHours>();
        boolean ok = true;
        for (int i = 0; i < texts.size(); i++) {
            var parsed = OpenHours.parse(texts.get(i));
            if (parsed.isPresent()) {
                out.add(parsed.get());
            } else {
                ok = false;
                reader.problems().at(index(path, i), INVALID_VALUE, "hours '" + texts.get(i)
                        + "' must look like 'mon-fri 08:00-18:00' (days, then from-until, until after from)");
            }
        }
        return ok ? out : null;
    }
}
