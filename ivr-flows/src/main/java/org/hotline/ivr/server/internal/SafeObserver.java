package org.hotline.ivr.server.internal;

import java.time.Duration;
import org.hotline.ivr.server.CallInfo;
import org.hotline.ivr.server.CallObserver;
import org.hotline.ivr.server.SessionOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes events to the configured observer; an observer that throws is logged and never breaks a call. */
final class SafeObserver implements CallObserver {

    private static final Logger LOG = LoggerFactory.getLogger(SafeObserver.class);

    private final CallObserver delegate;

    SafeObserver(CallObserver delegate) {
        this.delegate = delegate;
    }

    @Override
    public void callStarted(CallInfo call) {
        guard(() -> delegate.callStarted(call));
    }

    @Override
    public void callEnded(CallInfo call, SessionOutcome outcome, String status, Duration duration) {
        guard(() -> delegate.callEnded(call, outcome, status, duration));
    }

    @Override
    public void commandCompleted(String command, Duration latency) {
        guard(() -> delegate.commandCompleted(command, latency));
    }

    @Override
    public void busyRejected(CallInfo call) {
        guard(() -> delegate.busyRejected(call));
    }

    @Override
    public void malformedRequest(String reason) {
        guard(() -> delegate.malformedRequest(reason));
    }

    private static void guard(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.warn("call observer failed; the call goes on", e);
        }
    }
}
