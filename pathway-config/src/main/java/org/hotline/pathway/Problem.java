package org.hotline.pathway;

/**
 * One problem found in a pathway file: where (source name, 1-based line and column, YAML path such as
 * {@code rules[2].refer[0].agency}), a stable code (e.g. {@code unknown-agency}) and a human message.
 */
public record Problem(String source, int line, int column, String path, String code, String message) {

    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + code + ": " + message + " (at " + path + ")";
    }
}
