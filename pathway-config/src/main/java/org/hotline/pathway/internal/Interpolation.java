package org.hotline.pathway.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:-default}} in string values from the environment map the
 * caller passes, so deployments (and tests) can point webhooks elsewhere without editing the pathway.
 */
final class Interpolation {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /** The resolved text, or the name of the first variable that is unset and has no default. */
    record Result(String text, String unresolved) {}

    private Interpolation() {}

    static Result resolve(String text, Map<String, String> env) {
        if (text.indexOf("${") < 0) {
            return new Result(text, null);
        }
        Matcher m = VARIABLE.matcher(text);
        var out = new StringBuilder();
        String unresolved = null;
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(2);
            }
            if (value == null) {
                unresolved = unresolved == null ? m.group(1) : unresolved;
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Result(out.toString(), unresolved);
    }
}
