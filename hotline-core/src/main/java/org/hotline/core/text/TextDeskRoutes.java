package org.hotline.core.text;

import static org.hotline.core.http.Handlers.blocking;
import static org.hotline.core.http.Handlers.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.http.Handlers;
import org.hotline.ivr.text.TextSession;

/**
 * Operators and supervisors see text conversations and answer them (OPERATOR, SUPERVISOR):
 * {@code GET /api/text/conversations} (in progress, longest waiting first, no number or content),
 * {@code GET /api/text/conversations/:id} (with the messages kept for the operator, audited {@code text.read}) and
 * {@code POST /api/text/conversations/:id/reply} {@code {"text"}} (sent through the conversation's gateway,
 * audited {@code text.reply}; refused once the sender stopped or the conversation ended).
 */
public final class TextDeskRoutes implements ApiRoutes {

    static final int MAX_REPLY = 480;

    private final TextSessionStore store;
    private final TextOutbox outbox;
    private final Runnable wake;
    private final AuditLog audit;
    private final Clock clock;

    public TextDeskRoutes(TextSessionStore store, TextOutbox outbox, Runnable wake, AuditLog audit, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.wake = wake;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/text/conversations").handler(access.require(Role.OPERATOR, Role.SUPERVISOR)).handler(this::list);
        router.get("/api/text/conversations/:id").handler(access.require(Role.OPERATOR, Role.SUPERVISOR))
                .handler(this::read);
        router.post("/api/text/conversations/:id/reply").handler(access.require(Role.OPERATOR, Role.SUPERVISOR))
                .handler(this::validateReply);
    }

    private void list(RoutingContext ctx) {
        blocking(ctx, () -> {
            JsonArray conversations = new JsonArray();
            store.inProgress(200).forEach(stored -> conversations.add(summary(stored)));
            return new JsonObject().put("conversations", conversations);
        }, body -> json(ctx, 200, body));
    }

    private void read(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String actor = Access.principal(ctx).userId();
        blocking(ctx, () -> {
            TextSessionStore.Stored stored = store.byId(id).orElseThrow(() ->
                    ApiException.notFound("No text conversation " + id + "."));
            audit.record(new AuditEvent(actor, "text.read", id, Map.of("channel", stored.session().channel())));
            JsonArray messages = new JsonArray();
            store.held(id).forEach(h -> messages.add(new JsonObject().put("author", h.author()).put("text", h.text())
                    .put("at", h.at().toString())));
            return summary(stored).put("messages", messages);
        }, body -> json(ctx, 200, body));
    }

    private void validateReply(RoutingContext ctx) {
        JsonObject body = Handlers.body(ctx, 8192, false);
        String text = Handlers.optionalText(body, "text", MAX_REPLY);
        if (text == null || text.isBlank()) {
            throw ApiException.invalidFields(Map.of("text", "the reply is required (at most " + MAX_REPLY + " characters)"));
        }
        doReply(ctx, ctx.pathParam("id"), text.strip());
    }

    private void doReply(RoutingContext ctx, String id, String text) {
        String actor = Access.principal(ctx).userId();
        blocking(ctx, () -> {
            TextSessionStore.Stored stored = store.byId(id).orElseThrow(() ->
                    ApiException.notFound("No text conversation " + id + "."));
            TextSession session = stored.session();
            if (!session.state().open()) {
                // after STOP nothing more may reach the sender's phone; an ended conversation may be overheard later
                throw new ApiException(409, "conversation_closed", "This conversation is " + session.state()
                        + ": nothing more is sent to the sender.");
            }
            String replyId = "operator:" + UUID.randomUUID();
            outbox.enqueue(replyId, id, stored.gateway(), session.sender(), text);
            store.hold(id, actor, text, clock.instant());
            audit.record(new AuditEvent(actor, "text.reply", id, Map.of("channel", session.channel(),
                    "characters", String.valueOf(text.length()))));
            wake.run();
            return new JsonObject().put("queued", true).put("id", replyId);
        }, body -> json(ctx, 202, body));
    }

    private static JsonObject summary(TextSessionStore.Stored stored) {
        TextSession s = stored.session();
        return new JsonObject().put("id", s.id()).put("channel", s.channel()).put("state", s.state().name())
                .put("waitingForOperator", s.state() == TextSession.State.OPERATOR).put("node", s.node())
                .put("language", s.language()).put("reference", s.reference()).put("startedAt", s.startedAt().toString())
                .put("lastActivity", s.lastActivity().toString()).put("held", stored.held());
    }
}
