package org.hotline.ivr.server;

import java.time.Duration;

/**
 * Hears what the FastAGI server does, e.g. to export metrics. Called on the call's own thread; implementations
 * must be thread-safe and quick, and must not throw (a throwing observer is logged and ignored).
 */
public interface CallObserver {

    /** An admitted call is about to run its script. */
    default void callStarted(CallInfo call) {}

    /** An admitted call ended, with how it ended and the status the dialplan sees. */
    default void callEnded(CallInfo call, SessionOutcome outcome, String status, Duration duration) {}

    /** One AGI command got its reply after {@code latency}. {@code command} is e.g. {@code StreamFile}. */
    default void commandCompleted(String command, Duration latency) {}

    /** A call beyond capacity heard the busy prompt instead of a flow. */
    default void busyRejected(CallInfo call) {}

    /** A connection sent an {@code agi_*} block that could not be used; {@code reason} says why. */
    default void malformedRequest(String reason) {}

    CallObserver NONE = new CallObserver() {};
}
