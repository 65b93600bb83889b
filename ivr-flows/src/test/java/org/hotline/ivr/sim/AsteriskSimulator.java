package org.hotline.ivr.sim;

import java.util.concurrent.CompletableFuture;
import org.hotline.ivr.sim.internal.AgiSession;

/**
 * A simulated Asterisk 22 that places calls to a FastAGI server over TCP and answers its AGI commands the way
 * res_agi does (see {@code shared/ENVIRONMENT.md}). Thread-safe; each call runs on the calling thread or, with
 * {@link #callAsync}, on its own virtual thread, so thousands of calls can be held at once in one JVM.
 */
public final class AsteriskSimulator {

    private final String host;
    private final int port;
    private final SimulatorOptions options;

    public AsteriskSimulator(String host, int port) {
        this(host, port, SimulatorOptions.defaults());
    }

    public AsteriskSimulator(String host, int port, SimulatorOptions options) {
        if (host == null || host.isBlank() || port < 1 || port > 65_535 || options == null) {
            throw new IllegalArgumentException("host, port (1-65535) and options are required, got "
                    + host + ":" + port);
        }
        this.host = host;
        this.port = port;
        this.options = options;
    }

    /** Places one call and blocks until the AGI session ends. */
    public CallResult call(CallSetup setup, CallerScript caller) {
        return session().run(setup, caller, setup.headerBlock(host, port), false);
    }

    /** Places one call running the named script with default call data. */
    public CallResult call(String script, CallerScript caller) {
        return call(CallSetup.of(script), caller);
    }

    /** Places one call on a new virtual thread. */
    public CompletableFuture<CallResult> callAsync(CallSetup setup, CallerScript caller) {
        CompletableFuture<CallResult> result = new CompletableFuture<>();
        Thread.ofVirtual().name("sim-call-" + setup.uniqueId()).start(() -> {
            try {
                result.complete(call(setup, caller));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Sends these exact bytes instead of a proper header block (truncated, garbage lines, no blank line), then
     * answers commands like {@link #call} if any arrive.
     *
     * @param endOfStreamAfterHeader whether to close the sending side right after the bytes (EOF mid-block)
     */
    public CallResult callRaw(String rawHeader, boolean endOfStreamAfterHeader, CallerScript caller) {
        return session().run(CallSetup.of("raw"), caller, rawHeader, endOfStreamAfterHeader);
    }

    public SimulatorOptions options() {
        return options;
    }

    private AgiSession session() {
        return new AgiSession(host, port, options);
    }
}
