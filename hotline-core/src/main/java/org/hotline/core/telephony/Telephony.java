package org.hotline.core.telephony;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.live.OperatorDirectory;
import org.hotline.core.telephony.internal.CallTracker;

/**
 * The telephony part of a node: calls tracked from AMI events, interpreters added to calls, live transfers,
 * supervisors listening in.
 */
public final class Telephony {

    /** Listener name (labels {@code hotline_ami_events_dropped_total}). */
    public static final String CALLS_LISTENER = "telephony-calls";
    public static final String SPY_LISTENER = "telephony-spy";
    public static final String WRAP_UP_LISTENER = "telephony-wrap-up";

    /** What telephony needs from the node: settings, where referrals' duty lines are found and hand-overs kept. */
    public record Needs(InterpreterBridge.Settings interpreters, AgencyTransfer.Settings transfers,
            SupervisorSpy.Settings spy, Duration wrapUp,
            Function<String, Optional<TransferTarget>> targets, Function<String, List<TransferTarget>> callTargets,
            LiveHandovers handovers) {}

    private final InterpreterBridge interpreters;
    private final AgencyTransfer transfers;
    private final SupervisorSpy spy;
    private final WrapUp wrapUp;
    private final Needs needs;

    private Telephony(InterpreterBridge interpreters, AgencyTransfer transfers, SupervisorSpy spy, WrapUp wrapUp,
            Needs needs) {
        this.interpreters = interpreters;
        this.transfers = transfers;
        this.spy = spy;
        this.wrapUp = wrapUp;
        this.needs = needs;
    }

    /** Tracks calls through the AMI client (if any); without one every request answers 503. */
    public static Telephony wire(Optional<AmiClient> ami, Needs needs, AuditLog audit, Clock clock) {
        CallTracker tracker = new CallTracker();
        SupervisorSpy spy = new SupervisorSpy(() -> ami, tracker, needs.spy(), audit, clock);
        WrapUp wrapUp = new WrapUp(() -> ami, needs.wrapUp(), audit, clock);
        ami.ifPresent(client -> {
            client.addListener(CALLS_LISTENER, tracker);
            client.addListener(SPY_LISTENER, spy);
            client.addListener(WRAP_UP_LISTENER, wrapUp);
        });
        return new Telephony(new InterpreterBridge(() -> ami, tracker, needs.interpreters(), audit, clock),
                new AgencyTransfer(() -> ami, tracker, needs.targets(), needs.handovers(), needs.transfers(), audit,
                        clock), spy, wrapUp, needs);
    }

    public InterpreterBridge interpreters() {
        return interpreters;
    }

    public AgencyTransfer transfers() {
        return transfers;
    }

    public List<ApiRoutes> routes(Vertx vertx, OperatorDirectory phones, Clock clock) {
        return List.of(new TelephonyRoutes(vertx, interpreters, phones, clock),
                new TransferRoutes(vertx, transfers, needs.handovers(), needs.callTargets(), phones),
                new SpyRoutes(vertx, spy, phones), new WrapUpRoutes(vertx, wrapUp, phones));
    }
}
