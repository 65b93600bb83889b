package org.hotline.core.ami;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.ami.internal.ManagerAmiClient;
import org.hotline.core.metrics.HotlineMetrics;

/**
 * The hotline's connection to Asterisk's manager interface. It logs in, keeps the connection alive (ping,
 * reconnect with capped, jittered back-off) and hands queue events to {@link AmiListener}s off the reader
 * thread. Requests fail fast with {@link AmiException} while disconnected.
 */
public interface AmiClient extends AutoCloseable {

    /** Starts connecting in the background and returns at once; {@link #isConnected()} tells when it is up. */
    static AmiClient start(AmiConfig config, HotlineMetrics metrics, Clock clock) {
        return ManagerAmiClient.start(config, metrics, clock);
    }

    /**
     * Adds a listener with its own queue and thread; {@code name} labels its drop counter. A listener added
     * while connected first receives an {@link AmiEvent.Connected}, so it never misses that the connection is up.
     */
    void addListener(String name, AmiListener listener);

    boolean isConnected();

    /** Why the last connection attempt or connection failed, if it did. */
    Optional<String> lastError();

    /** Pauses or unpauses a queue member in every queue ({@code QueuePause}); waits for Asterisk's answer. */
    void setPaused(String agentInterface, boolean paused, String reason) throws AmiException;

    /**
     * Places a call ({@code Originate}, async) and completes when Asterisk reports how the dial ended. Fails
     * with {@link AmiException} when not connected, refused, or unanswered within the request's timeout.
     */
    CompletableFuture<OriginateResult> originate(OriginateRequest request);

    /** Moves one or two live channels to a dialplan location ({@code Redirect}); waits for Asterisk's answer. */
    void redirect(Redirect redirect) throws AmiException;

    /** Removes one channel from a ConfBridge conference ({@code ConfbridgeKick}); waits for Asterisk's answer. */
    void kick(String conference, String channel) throws AmiException;

    /** Hangs up one channel by its name ({@code Hangup}); waits for Asterisk's answer. */
    void hangup(String channel) throws AmiException;

    @Override
    void close();
}
