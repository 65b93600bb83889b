package org.hotline.pathway;

import java.util.Locale;

/**
 * One problem found in a pathway file: where (source name, 1-based line and column, YAML path such as
 * {@code rules[2].refer[0].agency}), a stable code (e.g. {@code unknown-agency}) and a human message.
 */
public record Problem(String source, int line, int column, String path, String code, String message) {

    /** Whether this problem blocks loading (see {@link ProblemCodes}). */
    public ProblemCodes.Severity severity() {
        return ProblemCodes.severity(code);
    }

    public boolean isError() {
        return severity() == ProblemCodes.Severity.ERROR;
    }

    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + severity().name().toLowerCase(Locale.ROOT)
                + " " + code + ": " + message + " (at " + path + ")";
    }
}
