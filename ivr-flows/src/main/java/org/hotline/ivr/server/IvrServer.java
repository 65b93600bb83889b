package org.hotline.ivr.server;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.ivr.server.internal.AgiServerRuntime;

/**
 * The hotline's FastAGI server: Asterisk runs {@code AGI(agi://host:port/NAME?query)} and the server runs the
 * script registered under NAME. Every call ends with {@link CallStatus#VARIABLE} set; callers beyond capacity
 * hear the busy prompt; unknown names hear the service-unavailable prompt.
 *
 * <pre>{@code
 * IvrServer server = new IvrServer(IvrServerConfig.fromEnvironment(System.getenv()),
 *         Map.of("hotline", hotlineFlow), observer);
 * int port = server.start();
 * ...
 * server.stop(Duration.ofSeconds(30));
 * }</pre>
 */
public final class IvrServer implements AutoCloseable {

    /** Drain time used by {@link #close()}. */
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(10);

    private final AgiServerRuntime runtime;

    /**
     * @param scripts scripts by name, e.g. {@code hotline}; names are matched without the query string
     * @throws IllegalArgumentException when a name is blank or contains {@code ?}, {@code /} or whitespace
     */
    public IvrServer(IvrServerConfig config, Map<String, ? extends AgiScript> scripts, CallObserver observer) {
        if (config == null || scripts == null || observer == null) {
            throw new IllegalArgumentException("config, scripts and observer are required");
        }
        scripts.forEach((name, script) -> {
            if (name == null || name.isBlank() || !name.matches("[^?/\\s]+") || script == null) {
                throw new IllegalArgumentException("script name must be a non-blank word without ?, / or spaces, "
                        + "with a script, got '" + name + "'");
            }
        });
        this.runtime = new AgiServerRuntime(config, Map.copyOf(scripts), observer);
    }

    /**
     * Starts listening and returns the bound port (useful with port 0).
     *
     * @throws IOException when the address cannot be bound
     * @throws IllegalStateException when already started or stopped
     */
    public int start() throws IOException {
        return runtime.start();
    }

    /** The bound port; -1 before {@link #start()}. */
    public int port() {
        return runtime.port();
    }

    /** Admitted calls in progress. */
    public int activeCalls() {
        return runtime.activeCalls();
    }

    /**
     * Stops accepting calls and lets the calls in progress finish for up to {@code drain}; calls still running
     * then are cut off. Idempotent.
     *
     * @return true when every call finished within the drain time
     */
    public boolean stop(Duration drain) {
        return runtime.stop(drain);
    }

    @Override
    public void close() {
        stop(DEFAULT_DRAIN);
    }
}
