package org.hotline.pathway.internal;

import static org.hotline.pathway.ProblemCodes.INVALID_VALUE;
import static org.hotline.pathway.internal.NodeReader.child;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hotline.pathway.Recipient.Priority;
import org.hotline.pathway.model.Referral;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the referral keys shared by rule {@code refer} entries, transnational rules and the fallback. */
final class ReferralParser {

    static final Set<String> KEYS = Set.of("agency", "profile", "priority", "acknowledge_within", "escalation");
    static final Set<String> REQUIRED = Set.of("agency", "profile");

    private final NodeReader reader;

    ReferralParser(NodeReader reader) {
        this.reader = reader;
    }

    Referral referral(Map<String, Node> fields, String path) {
        return new Referral(
                reader.optionalText(fields.get("agency"), child(path, "agency")),
                reader.optionalText(fields.get("profile"), child(path, "profile")),
                priority(fields.get("priority"), child(path, "priority")),
                duration(fields.get("acknowledge_within"), child(path, "acknowledge_within")),
                fields.containsKey("escalation")
                        ? reader.textList(fields.get("escalation"), child(path, "escalation")) : null);
    }

    Priority priority(Node node, String path) {
        var text = reader.optionalText(node, path);
        if (text == null) {
            return null;
        }
        try {
            return Priority.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reader.problems().at(node, path, INVALID_VALUE,
                    "priority '" + text + "' is not one of immediate, high, normal, low"
                            + DidYouMean.hint(text, java.util.List.of("immediate", "high", "normal", "low")));
            return null;
        }
    }

    Duration duration(Node node, String path) {
        var text = reader.optionalText(node, path);
        if (text == null) {
            return null;
        }
        var d = Durations.parse(text);
        if (d == null) {
            reader.problems().at(node, path, INVALID_VALUE, "'" + text
                    + "' is not a positive duration; write e.g. 30m, 4h, 2d or ISO-8601 such as PT30M");
        }
        return d;
    }
}
