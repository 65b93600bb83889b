package org.hotline.ivr.flow;

import org.hotline.ivr.CapturedTip;

/**
 * Hook for metrics and audit: the engine tells it what happened. Methods are called on the call's thread and
 * must not block; the defaults do nothing.
 */
public interface FlowObserver {

    /** Observes nothing. */
    FlowObserver NONE = new FlowObserver() {};

    /** A prompt was missing in the caller's language and was played in the flow's default language. */
    default void promptFallback(String flowLabel, String language, String promptId) {}

    /** A node's input failed after all retries (invalid keys or silence) and the call took the fallback. */
    default void inputFailed(String flowLabel, String nodeId) {}

    /** Intake could not make a tip durable; the caller heard no reference. */
    default void intakeUnavailable(String flowLabel, String nodeId) {}

    /** The call left a node after {@code time} in it (prompts, the caller's answer and retries included). */
    default void nodeCompleted(String flowLabel, String nodeId, java.time.Duration time) {}

    /** The call ended; {@code tip} is what was handed to intake, or null when the flow captured no tip. */
    default void callEnded(String flowLabel, String status, CapturedTip tip) {}
}
