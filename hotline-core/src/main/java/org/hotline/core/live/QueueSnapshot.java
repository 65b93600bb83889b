package org.hotline.core.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The supervisor's view at one instant: callers waiting (longest first) and operators. {@code connected} is
 * false while the AMI connection is down, when the view may be stale. Caller numbers are never part of it.
 */
public record QueueSnapshot(Instant at, boolean connected, List<Waiting> waiting, List<Operator> operators) {

    public QueueSnapshot {
        waiting = List.copyOf(waiting);
        operators = List.copyOf(operators);
    }

    /** A caller in a queue; {@code reference} is the IVR's tip reference when the caller left one. */
    public record Waiting(String callId, String queue, Instant joinedAt, long waitSeconds, String language,
            String reference) {}

    public record Operator(String agent, OperatorStatus status, Instant since, String callId) {}

    public JsonObject toJson() {
        JsonArray calls = new JsonArray();
        waiting.forEach(w -> calls.add(new JsonObject().put("callId", w.callId()).put("queue", w.queue())
                .put("joinedAt", w.joinedAt().toString()).put("waitSeconds", w.waitSeconds())
                .put("language", w.language()).put("reference", w.reference())));
        JsonArray ops = new JsonArray();
        operators.forEach(o -> ops.add(new JsonObject().put("agent", o.agent()).put("status", o.status().name())
                .put("since", o.since().toString()).put("callId", o.callId())));
        return new JsonObject().put("at", at.toString()).put("connected", connected).put("waiting", calls)
                .put("operators", ops);
    }
}
