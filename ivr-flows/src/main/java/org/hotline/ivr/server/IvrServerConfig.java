package org.hotline.ivr.server;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Settings of the FastAGI server. Immutable; every value is checked at construction and a bad one throws
 * {@link IllegalArgumentException} naming its key.
 *
 * @param bindAddress address to listen on ({@code HOTLINE_AGI_BIND}), loopback by default
 * @param port TCP port ({@code HOTLINE_AGI_PORT}); 0 picks a free port
 * @param capacity calls served at once ({@code HOTLINE_AGI_CAPACITY}); callers beyond it hear the busy prompt
 * @param socketReadTimeout how long to wait for Asterisk's reply to one command ({@code HOTLINE_AGI_READ_TIMEOUT});
 *     long enough for a recorded message or a wait inside {@code EXEC}
 * @param headerTimeout how long a new connection may take to send its whole {@code agi_} block
 *     ({@code HOTLINE_AGI_HEADER_TIMEOUT}); Asterisk sends it at once, so a connection still silent then is closed.
 *     Only a connection whose block is complete is admitted as a call
 * @param busyPrompt sound file played to callers beyond capacity ({@code HOTLINE_AGI_BUSY_PROMPT})
 * @param unavailablePrompt sound file played when the requested script does not exist
 *     ({@code HOTLINE_AGI_UNAVAILABLE_PROMPT})
 * @param poolSize platform threads serving calls on JDK 21-23, where virtual threads would pin in
 *     Asterisk-Java's synchronized {@code sendCommand} ({@code HOTLINE_AGI_POOL_SIZE}); there the effective
 *     capacity is the smaller of capacity and pool size
 * @param backlog pending-connection queue of the listening socket ({@code HOTLINE_AGI_BACKLOG})
 * @param threads how calls get their thread ({@code HOTLINE_AGI_THREADS}: AUTO, VIRTUAL or POOL)
 */
public record IvrServerConfig(
        String bindAddress,
        int port,
        int capacity,
        Duration socketReadTimeout,
        Duration headerTimeout,
        String busyPrompt,
        String unavailablePrompt,
        int poolSize,
        int backlog,
        Threads threads) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 4573;
    public static final int DEFAULT_CAPACITY = 20_000;
    /** A caller may record several minutes; the longest single AGI command we issue stays well below this. */
    public static final Duration DEFAULT_SOCKET_READ_TIMEOUT = Duration.ofMinutes(30);
    /** Asterisk writes the agi_ block as soon as it connects; a few seconds cover a loaded link. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(5);
    public static final String DEFAULT_BUSY_PROMPT = "hotline/busy";
    public static final String DEFAULT_UNAVAILABLE_PROMPT = "hotline/service-unavailable";
    public static final int DEFAULT_POOL_SIZE = 2_000;
    public static final int DEFAULT_BACKLOG = 4_096;

    /** How each call gets a thread. */
    public enum Threads {
        /** Virtual threads on JDK 24 and later, the bounded platform pool before. */
        AUTO,
        /** Always virtual threads. */
        VIRTUAL,
        /** Always the bounded platform-thread pool. */
        POOL;

        /** Whether calls run on virtual threads on this JVM. */
        public boolean virtual() {
            return this == VIRTUAL || (this == AUTO && Runtime.version().feature() >= 24);
        }
    }

    public IvrServerConfig {
        require(bindAddress != null && !bindAddress.isBlank(), "HOTLINE_AGI_BIND", "must not be blank", bindAddress);
        require(port >= 0 && port <= 65_535, "HOTLINE_AGI_PORT", "must be 0-65535", port);
        require(capacity >= 1, "HOTLINE_AGI_CAPACITY", "must be >= 1", capacity);
        require(positiveMillis(socketReadTimeout), "HOTLINE_AGI_READ_TIMEOUT", "must be a positive duration",
                socketReadTimeout);
        require(positiveMillis(headerTimeout), "HOTLINE_AGI_HEADER_TIMEOUT", "must be a positive duration",
                headerTimeout);
        require(busyPrompt != null && !busyPrompt.isBlank(), "HOTLINE_AGI_BUSY_PROMPT", "must not be blank", busyPrompt);
        require(unavailablePrompt != null && !unavailablePrompt.isBlank(), "HOTLINE_AGI_UNAVAILABLE_PROMPT",
                "must not be blank", unavailablePrompt);
        require(poolSize >= 1, "HOTLINE_AGI_POOL_SIZE", "must be >= 1", poolSize);
        require(backlog >= 1, "HOTLINE_AGI_BACKLOG", "must be >= 1", backlog);
        require(threads != null, "HOTLINE_AGI_THREADS", "must be AUTO, VIRTUAL or POOL", threads);
    }

    public static IvrServerConfig defaults() {
        return new IvrServerConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_CAPACITY, DEFAULT_SOCKET_READ_TIMEOUT,
                DEFAULT_HEADER_TIMEOUT, DEFAULT_BUSY_PROMPT, DEFAULT_UNAVAILABLE_PROMPT, DEFAULT_POOL_SIZE, DEFAULT_BACKLOG, Threads.AUTO);
    }

    /**
     * Reads the {@code HOTLINE_AGI_*} variables; absent ones keep their defaults. The read and header timeouts
     * are in seconds.
     */
    public static IvrServerConfig fromEnvironment(Map<String, String> env) {
        IvrServerConfig d = defaults();
        return new IvrServerConfig(
                env.getOrDefault("HOTLINE_AGI_BIND", d.bindAddress()),
                read(env, "HOTLINE_AGI_PORT", Integer::parseInt, d.port()),
                read(env, "HOTLINE_AGI_CAPACITY", Integer::parseInt, d.capacity()),
                read(env, "HOTLINE_AGI_READ_TIMEOUT", s -> Duration.ofSeconds(Long.parseLong(s)), d.socketReadTimeout()),
                read(env, "HOTLINE_AGI_HEADER_TIMEOUT", s -> Duration.ofSeconds(Long.parseLong(s)), d.headerTimeout()),
                env.getOrDefault("HOTLINE_AGI_BUSY_PROMPT", d.busyPrompt()),
                env.getOrDefault("HOTLINE_AGI_UNAVAILABLE_PROMPT", d.unavailablePrompt()),
                read(env, "HOTLINE_AGI_POOL_SIZE", Integer::parseInt, d.poolSize()),
                read(env, "HOTLINE_AGI_BACKLOG", Integer::parseInt, d.backlog()),
                read(env, "HOTLINE_AGI_THREADS", s -> Threads.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)),
                        d.threads()));
    }

    public IvrServerConfig withPort(int value) {
        return new IvrServerConfig(bindAddress, value, capacity, socketReadTimeout, headerTimeout, busyPrompt,
                unavailablePrompt, poolSize, backlog, threads);
    }

    public IvrServerConfig withCapacity(int value) {
        return new IvrServerConfig(bindAddress, port, value, socketReadTimeout, headerTimeout, busyPrompt,
                unavailablePrompt, poolSize, backlog, threads);
    }

    public IvrServerConfig withSocketReadTimeout(Duration value) {
        return new IvrServerConfig(bindAddress, port, capacity, value, headerTimeout, busyPrompt, unavailablePrompt,
                poolSize, backlog, threads);
    }

    public IvrServerConfig withHeaderTimeout(Duration value) {
        return new IvrServerConfig(bindAddress, port, capacity, socketReadTimeout, value, busyPrompt, unavailablePrompt,
                poolSize, backlog, threads);
    }

    public IvrServerConfig withThreads(Threads value, int pool) {
        return new IvrServerConfig(bindAddress, port, capacity, socketReadTimeout, headerTimeout, busyPrompt,
                unavailablePrompt, pool, backlog, value);
    }

    /** Calls that can run at once on this JVM with these settings. */
    public int effectiveCapacity() {
        return threads.virtual() ? capacity : Math.min(capacity, poolSize);
    }

    private static <T> T read(Map<String, String> env, String key, Function<String, T> parse, T fallback) {
        String text = env.get(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " is not valid: '" + text + "'", e);
        }
    }

    private static boolean positiveMillis(Duration d) {
        return d != null && !d.isNegative() && !d.isZero() && d.toMillis() <= Integer.MAX_VALUE;
    }

    private static void require(boolean ok, String key, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(key + " " + rule + ", got " + value);
        }
    }
}
