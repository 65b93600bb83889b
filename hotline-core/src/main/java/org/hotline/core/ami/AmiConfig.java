package org.hotline.core.ami;

import java.time.Duration;

/**
 * How to reach Asterisk's manager interface and how to watch the connection. The secret comes from the
 * environment only and never appears in {@link #toString()}.
 *
 * @param pingInterval how often a {@code Ping} checks the connection
 * @param pingTimeout how long a {@code Ping} may go unanswered before the connection counts as dead
 *     (a half-open socket sends nothing, so only an unanswered request reveals it)
 * @param reconnectMin first back-off after a lost connection; doubles per failed attempt
 * @param reconnectMax cap of the back-off (each wait is jittered between half and all of it)
 * @param listenerQueue events each listener may have waiting before new ones are dropped for it
 */
public record AmiConfig(String host, int port, String username, String secret, Duration pingInterval,
        Duration pingTimeout, Duration reconnectMin, Duration reconnectMax, int listenerQueue) {

    public static final int DEFAULT_PORT = 5038;
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(500);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(30);
    public static final int DEFAULT_LISTENER_QUEUE = 10_000;

    public AmiConfig {
        require(host != null && !host.isBlank(), "host is required");
        require(port > 0 && port <= 65_535, "port must be 1-65535");
        require(username != null && !username.isBlank(), "username is required");
        require(secret != null && !secret.isEmpty(), "secret is required");
        require(positive(pingInterval) && positive(pingTimeout), "ping interval and timeout must be positive");
        require(positive(reconnectMin) && positive(reconnectMax) && reconnectMin.compareTo(reconnectMax) <= 0,
                "reconnect back-off must be positive with min <= max");
        require(listenerQueue > 0, "listener queue must be positive");
    }

    /** Defaults for everything but the address and credentials. */
    public static AmiConfig of(String host, int port, String username, String secret) {
        return new AmiConfig(host, port, username, secret, DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT,
                DEFAULT_RECONNECT_MIN, DEFAULT_RECONNECT_MAX, DEFAULT_LISTENER_QUEUE);
    }

    public AmiConfig withPing(Duration interval, Duration timeout) {
        return new AmiConfig(host, port, username, secret, interval, timeout, reconnectMin, reconnectMax, listenerQueue);
    }

    public AmiConfig withReconnect(Duration min, Duration max) {
        return new AmiConfig(host, port, username, secret, pingInterval, pingTimeout, min, max, listenerQueue);
    }

    public AmiConfig withListenerQueue(int capacity) {
        return new AmiConfig(host, port, username, secret, pingInterval, pingTimeout, reconnectMin, reconnectMax,
                capacity);
    }

    @Override
    public String toString() {
        return "AmiConfig[" + username + "@" + host + ":" + port + ", ping " + pingInterval + "/" + pingTimeout
                + ", reconnect " + reconnectMin + ".." + reconnectMax + ", listener queue " + listenerQueue + "]";
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("AMI configuration: " + message);
        }
    }
}
