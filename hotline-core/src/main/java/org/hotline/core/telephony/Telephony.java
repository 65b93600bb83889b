package org.hotline.core.telephony;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.live.OperatorDirectory;
import org.hotline.core.telephony.internal.CallTracker;

/** The telephony part of a node: calls tracked from AMI events, interpreters added to calls. */
public final class Telephony {

    /** Listener name (labels {@code hotline_ami_events_dropped_total}). */
    public static final String CALLS_LISTENER = "telephony-calls";

    private final InterpreterBridge interpreters;

    private Telephony(InterpreterBridge interpreters) {
        this.interpreters = interpreters;
    }

    /** Tracks calls through the AMI client (if any); without one every request answers 503. */
    public static Telephony wire(Optional<AmiClient> ami, InterpreterBridge.Settings settings, AuditLog audit,
            Clock clock) {
        CallTracker tracker = new CallTracker();
        ami.ifPresent(client -> client.addListener(CALLS_LISTENER, tracker));
        return new Telephony(new InterpreterBridge(() -> ami, tracker, settings, audit, clock));
    }

    public InterpreterBridge interpreters() {
        return interpreters;
    }

    public TelephonyRoutes routes(Vertx vertx, OperatorDirectory phones, Clock clock) {
        return new TelephonyRoutes(vertx, interpreters, phones, clock);
    }
}
