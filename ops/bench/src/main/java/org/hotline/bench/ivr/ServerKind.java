package org.hotline.bench.ivr;

/** The FastAGI servers the IVR load runs against, side by side. */
public enum ServerKind {
    /** The real hotline node: flows, intake (journal + MongoDB), routing and dispatch. */
    HOTLINE("hotline"),
    /**
     * The same node with its MongoDB stand-in in a process of its own ({@link DatabaseProcess}), reached through
     * {@code MONGODB_URI} as production reaches its replica set.
     */
    HOTLINE_SEPARATE_DB("hotline-separate-db"),
    /**
     * A call-facing node ({@code HOTLINE_ROLES=ivr}) over the separate database, with routing, dispatch and the staff
     * API on a back-office node of its own ({@link #HOTLINE_BACK_OFFICE}): the split deployment of ops/README.md.
     */
    HOTLINE_SPLIT_ROLES("hotline-split-roles"),
    /** The split deployment's back-office node ({@code HOTLINE_ROLES=dispatch,web}); it takes no calls. */
    HOTLINE_BACK_OFFICE("hotline-back-office"),
    /** A socket server that replays the same commands with no logic: the floor. */
    RAW_FLOOR("raw-floor"),
    /** Asterisk-Java's DefaultAgiServer with default settings and a trivial replay script. */
    STOCK("stock-asterisk-java");

    private final String label;

    ServerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
