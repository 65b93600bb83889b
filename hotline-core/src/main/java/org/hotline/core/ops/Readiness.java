package org.hotline.core.ops;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.hotline.core.metrics.HotlineMetrics;

/**
 * Whether this node should be given new calls and work: every registered part works and the node is not
 * draining. {@code GET /ready} answers from {@link #evaluate()}; a load balancer or an operator's check
 * reads it, and Asterisk learns the same thing from a closed FastAGI port while the node drains.
 *
 * <p>Parts register a check by name ({@code mongodb}, {@code journal}, {@code fastagi}; the AMI connection
 * registers {@code ami}). A check that throws counts as down. Each evaluation also updates
 * {@code hotline_component_up} and {@code hotline_draining}.
 */
public final class Readiness {

    /** The reason given while the node drains. */
    public static final String DRAINING = "draining: the node is shutting down and takes no new calls";

    private record Check(String component, BooleanSupplier up, String reasonWhenDown) {}

    /** The outcome of one evaluation: ready, or the reasons it is not. */
    public record Report(boolean ready, Map<String, Boolean> components, boolean draining, List<String> reasons) {

        public Report {
            components = Map.copyOf(components);
            reasons = List.copyOf(reasons);
        }

        public JsonObject toJson() {
            JsonObject parts = new JsonObject();
            components.forEach(parts::put);
            return new JsonObject().put("ready", ready).put("draining", draining).put("components", parts)
                    .put("reasons", new JsonArray(reasons));
        }
    }

    private final List<Check> checks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final HotlineMetrics metrics;

    public Readiness(HotlineMetrics metrics) {
        this.metrics = metrics;
        metrics.draining(false);
    }

    /**
     * Adds a part the node needs.
     *
     * @param component low-cardinality name, also the metric label
     * @param up true when the part works; may block briefly (a MongoDB ping), never on an event loop
     * @param reasonWhenDown what {@code /ready} says when it does not
     * @throws IllegalArgumentException when the name is blank or already registered
     */
    public Readiness register(String component, BooleanSupplier up, String reasonWhenDown) {
        if (component == null || !component.matches("[a-z][a-z0-9_]*") || up == null || reasonWhenDown == null) {
            throw new IllegalArgumentException("a readiness check needs a lower-case name, a check and a reason, got '"
                    + component + "'");
        }
        if (checks.stream().anyMatch(c -> c.component().equals(component))) {
            throw new IllegalArgumentException("readiness check '" + component + "' is already registered");
        }
        checks.add(new Check(component, up, reasonWhenDown));
        return this;
    }

    /** From now on the node reports not ready; there is no way back (a drained node stops). */
    public void startDraining() {
        draining.set(true);
        metrics.draining(true);
    }

    public boolean isDraining() {
        return draining.get();
    }

    /** Runs every check (blocking) and reports. */
    public Report evaluate() {
        Map<String, Boolean> components = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        for (Check check : checks) {
            boolean up = safely(check.up());
            components.put(check.component(), up);
            metrics.componentUp(check.component(), up);
            if (!up) {
                reasons.add(check.reasonWhenDown());
            }
        }
        boolean drain = draining.get();
        if (drain) {
            reasons.add(DRAINING);
        }
        return new Report(reasons.isEmpty(), components, drain, reasons);
    }

    private static boolean safely(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
