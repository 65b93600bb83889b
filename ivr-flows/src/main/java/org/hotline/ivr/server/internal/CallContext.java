package org.hotline.ivr.server.internal;

/**
 * What the server decided about a connection before Asterisk-Java's handler ran it: its socket and whether it
 * was admitted. Bound to the call's thread for the duration of the handler.
 */
record CallContext(CallSocket socket, boolean admitted) {

    private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

    static CallContext current() {
        CallContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("no call is bound to this thread");
        }
        return context;
    }

    /** Runs the handler with this context bound to the current thread. */
    void run(Runnable handler) {
        CURRENT.set(this);
        try {
            handler.run();
        } finally {
            CURRENT.remove();
        }
    }
}
