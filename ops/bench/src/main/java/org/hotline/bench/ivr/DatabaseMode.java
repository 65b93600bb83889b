package org.hotline.bench.ivr;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the hotline under test is deployed: with the embedded MongoDB stand-in inside the node's JVM (the single-box
 * deployment); with the same server in a JVM of its own, reached through {@code MONGODB_URI} (the
 * separate-database deployment, as production runs a replica set); or split by role, a call-facing node and a
 * back-office node over that separate database (ops/README.md, section 8). Chosen with {@code ./hotline bench --db}.
 */
public enum DatabaseMode {
    /** The node starts the embedded server itself ({@code MONGODB_URI} unset): one process. */
    EMBEDDED("embedded", ServerKind.HOTLINE),
    /** The embedded server runs in a {@link DatabaseProcess}; the node connects to it over loopback. */
    SEPARATE("separate", ServerKind.HOTLINE_SEPARATE_DB),
    /**
     * As {@link #SEPARATE}, with the node under test taking calls only ({@code HOTLINE_ROLES=ivr}) and a back-office
     * node ({@code dispatch,web}) in a JVM of its own routing and dispatching its tips; each node's CPU is counted.
     */
    SPLIT("split", ServerKind.HOTLINE_SPLIT_ROLES);

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
                            + "' (known: embedded, separate, split)")));
        }
        return Arrays.stream(values()).filter(chosen::contains).toList();
    }
}
