package org.hotline.core.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.ami.AmiException;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.live.internal.SseStream;

/**
 * The live console API:
 * <ul>
 *   <li>{@code GET /api/live/queue} (SUPERVISOR): calls waiting and operators, as JSON;</li>
 *   <li>{@code GET /api/live/events} (OPERATOR, SUPERVISOR): a server-sent-events stream; operators get
 *       {@code call-pop} events for their own phone, supervisors {@code queue} events on every change (and one
 *       at once on connecting); the stream ends when the session that opened it ends;</li>
 *   <li>{@code POST /api/operators/me/pause} with optional {@code {"reason": "..."}} and
 *       {@code POST /api/operators/me/unpause} (OPERATOR): AMI {@code QueuePause} for the caller's own phone.</li>
 * </ul>
 */
public final class LiveRoutes implements ApiRoutes {

    /** Sets a member's pause state in Asterisk; in the node this is {@code AmiClient::setPaused}. */
    @FunctionalInterface
    public interface Pauser {
        void setPaused(String agentInterface, boolean paused, String reason) throws AmiException;
    }

    static final long HEARTBEAT_MILLIS = 15_000;
    private static final int MAX_REASON = 80;

    private final Vertx vertx;
    private final LiveState state;
    private final LiveHub hub;
    private final OperatorDirectory directory;
    private final Pauser pauser;
    private final AuditLog audit;

    public LiveRoutes(Vertx vertx, LiveState state, LiveHub hub, OperatorDirectory directory, Pauser pauser,
            AuditLog audit) {
        this.vertx = vertx;
        this.state = state;
        this.hub = hub;
        this.directory = directory;
        this.pauser = pauser;
        this.audit = audit;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/live/queue").handler(access.require(Role.SUPERVISOR)).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json").end(state.snapshot().toJson().encode()));
        router.get("/api/live/events").handler(access.require(Role.OPERATOR, Role.SUPERVISOR)).handler(ctx -> events(ctx, access));
        router.get("/api/operators/me/status").handler(access.require(Role.OPERATOR)).handler(this::myStatus);
        router.post("/api/operators/me/pause").handler(access.require(Role.OPERATOR)).handler(ctx -> validatePause(ctx, true));
        router.post("/api/operators/me/unpause").handler(access.require(Role.OPERATOR))
                .handler(ctx -> validatePause(ctx, false));
    }

    private void events(RoutingContext ctx, Access access) {
        Principal principal = Access.principal(ctx);
        vertx.executeBlocking(() -> principal.has(Role.OPERATOR) ? directory.agentInterface(principal)
                : Optional.<String>empty()).onComplete(ar -> {
                    if (ar.failed()) {
                        ctx.fail(new ApiException(503, "storage_unavailable", "Your phone cannot be looked up now."));
                    } else if (ar.result().isEmpty() && !principal.has(Role.SUPERVISOR)) {
                        ctx.fail(noPhone());
                    } else {
                        stream(ctx, access, principal, ar.result());
                    }
                });
    }

    private void stream(RoutingContext ctx, Access access, Principal principal, Optional<String> phone) {
        SseStream stream = SseStream.create(vertx, ctx.response(), HEARTBEAT_MILLIS);
        // a stream must not outlive the session that opened it (sign-out, expiry)
        stream.onClose(access.watchSession(ctx, stream::close));
        // subscribed before the client sees the stream open: a pop for a call that connects right after must reach it
        phone.ifPresent(iface -> stream.onClose(hub.subscribeOperator(iface, stream)));
        if (principal.has(Role.SUPERVISOR)) {
            stream.onClose(hub.subscribeSupervisor(stream));
            stream.send(LiveHub.QUEUE, state.snapshot().toJson());
        }
        stream.start();
    }

    /**
     * The signed-in operator's own state as Asterisk's queue events last told it: {@code status} is one of
     * {@link OperatorStatus}, or {@code UNKNOWN} when the node has no AMI connection or has not seen the phone
     * in the queue yet ({@code connected} tells which), or {@code NO_PHONE} when no phone is assigned to the
     * account (a state to show, not an error: the page asks every time it opens).
     */
    private void myStatus(RoutingContext ctx) {
        Principal principal = Access.principal(ctx);
        vertx.executeBlocking(() -> directory.agentInterface(principal)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(new ApiException(503, "storage_unavailable", "Your phone cannot be looked up now."));
                return;
            }
            QueueSnapshot snapshot = state.snapshot();
            if (ar.result().isEmpty()) {
                ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().putNull("agent")
                        .put("connected", snapshot.connected()).put("status", "NO_PHONE").encode());
                return;
            }
            String agent = ar.result().get();
            Optional<QueueSnapshot.Operator> me = snapshot.operators().stream()
                    .filter(o -> o.agent().equals(agent)).findFirst();
            JsonObject body = new JsonObject().put("agent", agent).put("connected", snapshot.connected())
                    .put("status", snapshot.connected() ? me.map(o -> o.status().name()).orElse("UNKNOWN") : "UNKNOWN");
            me.filter(o -> snapshot.connected()).ifPresent(o -> body.put("since", o.since().toString()));
            ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
        });
    }

    private void validatePause(RoutingContext ctx, boolean pause) {
        String reason = "";
        if (pause && ctx.body() != null && ctx.body().length() > 0) {
            JsonObject body;
            try {
                body = ctx.body().asJsonObject();
            } catch (RuntimeException e) {
                ctx.fail(ApiException.badRequest("invalid_json", "The body must be a JSON object."));
                return;
            }
            Object value = body == null ? null : body.getValue("reason");
            if (value != null && (!(value instanceof String text) || text.length() > MAX_REASON
                    || text.chars().anyMatch(Character::isISOControl))) {
                ctx.fail(ApiException.badRequest("invalid_reason",
                        "'reason' is optional text of at most " + MAX_REASON + " characters without line breaks."));
                return;
            }
            reason = value == null ? "" : (String) value;
        }
        doPause(ctx, pause, reason);
    }

    private void doPause(RoutingContext ctx, boolean pause, String reason) {
        Principal principal = Access.principal(ctx);
        vertx.executeBlocking(() -> {
            Optional<String> phone = directory.agentInterface(principal);
            if (phone.isEmpty()) {
                throw noPhone();
            }
            try {
                pauser.setPaused(phone.get(), pause, reason);
            } catch (AmiException e) {
                throw toApi(e);
            }
            audit.record(new AuditEvent(principal.userId(), pause ? "operator.pause" : "operator.unpause", phone.get(),
                    reason.isEmpty() ? Map.of() : Map.of("reason", AuditEvent.given(reason))));
            return phone.get();
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause() instanceof ApiException api ? api
                        : new ApiException(503, "storage_unavailable", "Your phone cannot be looked up now."));
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("agent", ar.result()).put("paused", pause).encode());
        });
    }

    private static ApiException noPhone() {
        return new ApiException(409, "no_phone", "No phone is assigned to your account; ask an administrator.");
    }

    private static ApiException toApi(AmiException e) {
        return switch (e.kind()) {
            case NOT_CONNECTED -> new ApiException(503, "telephony_unavailable",
                    "The phone system is not reachable right now; try again shortly.");
            case REFUSED -> new ApiException(502, "telephony_refused", "The phone system refused: " + e.getMessage());
            case TIMEOUT -> new ApiException(504, "telephony_timeout", "The phone system did not answer in time.");
        };
    }
}
