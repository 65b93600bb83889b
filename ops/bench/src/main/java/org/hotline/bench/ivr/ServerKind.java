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
