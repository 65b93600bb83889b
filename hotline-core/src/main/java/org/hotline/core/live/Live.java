package org.hotline.core.live;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiException;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.metrics.HotlineMetrics;

/**
 * The live part of a node: queue view, call pops and their streams, fed by the AMI client when one is
 * configured. Without AMI the view stays empty (marked disconnected) and pause requests answer 503.
 */
public final class Live {

    /** Listener names (they label {@code hotline_ami_events_dropped_total}). */
    public static final String STATE_LISTENER = "live-state";
    public static final String POPS_LISTENER = "call-pops";

    private final LiveState state;
    private final LiveHub hub;
    private final Optional<AmiClient> ami;

    private Live(LiveState state, LiveHub hub, Optional<AmiClient> ami) {
        this.state = state;
        this.hub = hub;
        this.ami = ami;
    }

    /** Wires state, pops and hub to the AMI client (if any); add this before the client's first login completes. */
    public static Live wire(Optional<AmiClient> ami, TipLookup tips, HotlineMetrics metrics, Clock clock) {
        return wire(ami, tips, reference -> false, metrics, clock);
    }

    /** As above; {@code flagged} tells whether a report's caller is flagged for abusive calls (a warning in the pop). */
    public static Live wire(Optional<AmiClient> ami, TipLookup tips, java.util.function.Predicate<String> flagged,
            HotlineMetrics metrics, Clock clock) {
        LiveState state = new LiveState(clock, metrics);
        LiveHub hub = new LiveHub(clock);
        state.onChange(() -> hub.publishQueue(state::snapshot));
        ami.ifPresent(client -> {
            client.addListener(STATE_LISTENER, state);
            client.addListener(POPS_LISTENER, new CallPops(tips, hub, flagged));
        });
        return new Live(state, hub, ami);
    }

    public LiveState state() {
        return state;
    }

    public LiveHub hub() {
        return hub;
    }

    public LiveRoutes routes(Vertx vertx, OperatorDirectory directory, AuditLog audit) {
        LiveRoutes.Pauser pauser = ami.<LiveRoutes.Pauser>map(client -> client::setPaused)
                .orElse((iface, paused, reason) -> {
                    throw new AmiException(AmiException.Kind.NOT_CONNECTED, "AMI is not configured on this node");
                });
        return new LiveRoutes(vertx, state, hub, directory, pauser, audit);
    }
}
