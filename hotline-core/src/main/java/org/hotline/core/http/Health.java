package org.hotline.core.http;

import io.vertx.core.json.JsonObject;

/**
 * Health of the parts a call depends on. DOWN when intake cannot work (journal or FastAGI down); DEGRADED
 * when only MongoDB is unreachable, since tips then still become durable in the journal. A node that does not run
 * the FastAGI server ({@code fastAgiRun} false: no {@code ivr} role) is not DOWN for want of it.
 */
public record Health(boolean mongoUp, boolean journalOpen, int journalBacklog, boolean fastAgiRun,
        boolean fastAgiListening, int activeCalls) {

    public enum Status { UP, DEGRADED, DOWN }

    /** The health of a node that runs the FastAGI server. */
    public Health(boolean mongoUp, boolean journalOpen, int journalBacklog, boolean fastAgiListening, int activeCalls) {
        this(mongoUp, journalOpen, journalBacklog, true, fastAgiListening, activeCalls);
    }

    public Status status() {
        if (!journalOpen || fastAgiRun && !fastAgiListening) {
            return Status.DOWN;
        }
        return mongoUp ? Status.UP : Status.DEGRADED;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("status", status().name())
                .put("mongodb", new JsonObject().put("up", mongoUp))
                .put("journal", new JsonObject().put("open", journalOpen).put("backlog", journalBacklog))
                .put("fastagi", fastAgiRun
                        ? new JsonObject().put("listening", fastAgiListening).put("activeCalls", activeCalls)
                        : new JsonObject().put("run", false));
    }
}
