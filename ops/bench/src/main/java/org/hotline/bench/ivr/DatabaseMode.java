package org.hotline.bench.ivr;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the hotline node under test finds its database: the embedded MongoDB stand-in inside the node's JVM
 * (the single-box deployment) or the same server in a JVM of its own, reached through {@code MONGODB_URI} (the
 * separate-database deployment, as production runs a replica set). Chosen with {@code ./hotline bench --db}.
 */
public enum DatabaseMode {
    /** The node starts the embedded server itself ({@code MONGODB_URI} unset): one process. */
    EMBEDDED("embedded", ServerKind.HOTLINE),
    /** The embedded server runs in a {@link DatabaseProcess}; the node connects to it over loopback. */
    SEPARATE("separate", ServerKind.HOTLINE_SEPARATE_DB);

    private final String label;
    private final ServerKind server;

    DatabaseMode(String label, ServerKind server) {
        this.label = label;
        this.server = server;
    }

    public String label() {
        return label;
    }

    /** The server label this deployment's IVR steps carry in the report. */
    public ServerKind server() {
        return server;
    }

    /**
     * Parses {@code --db}'s value, e.g. {@code embedded,separate}; the result is in this enum's order, whatever
     * the order given, so the report's rows keep one order.
     */
    public static List<DatabaseMode> parse(String list) {
        Set<DatabaseMode> chosen = new LinkedHashSet<>();
        for (String word : list.split(",")) {
            chosen.add(Arrays.stream(values()).filter(m -> m.label.equals(word.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown database deployment '" + word.trim()
                            + "' (known: embedded, separate)")));
        }
        return Arrays.stream(values()).filter(chosen::contains).toList();
    }
}
