package org.hotline.pathway;

import java.util.Map;
import org.hotline.pathway.internal.PathwayCompiler;

/** Parses, validates (every problem, with line numbers) and compiles a pathway YAML document. */
public final class PathwayLoader {

    private PathwayLoader() {}

    /**
     * Loads one pathway document, resolving {@code ${NAME:-default}} from the process environment.
     *
     * @param yamlText the file's text
     * @param sourceName the name problems are reported against (usually the file name)
     */
    public static LoadResult load(String yamlText, String sourceName) {
        return load(yamlText, sourceName, System.getenv());
    }

    /**
     * Loads one pathway document, resolving {@code ${NAME}} and {@code ${NAME:-default}} in string values from
     * {@code env} (an unset variable without default is a problem). Errors give {@link LoadResult.Invalid}
     * with every problem (warnings included), sorted by line; otherwise {@link LoadResult.Valid} carries the
     * compiled pathway and the warnings.
     */
    public static LoadResult load(String yamlText, String sourceName, Map<String, String> env) {
        return load(yamlText, sourceName, env, LoadOptions.ANY_WEBHOOK_HOST);
    }

    /** As {@link #load(String, String, Map)}, with the checks {@code options} adds for where it is loaded. */
    public static LoadResult load(String yamlText, String sourceName, Map<String, String> env, LoadOptions options) {
        return PathwayCompiler.load(yamlText, sourceName, env, options);
    }
}
