package org.hotline.core.console;

import static org.hotline.core.http.Handlers.blocking;
import static org.hotline.core.http.Handlers.body;
import static org.hotline.core.http.Handlers.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.http.Handlers;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.AnswerResult;
import org.hotline.core.referral.Referral;
import org.hotline.core.referral.ReferralInterventions;
import org.hotline.pathway.Agency;

/**
 * The supervisor console's API (SUPERVISOR): tips to review (abandoned, silent, after-hours) and closing them;
 * referrals dead-lettered or past their deadline, with retry, reassign and escalate; the agency directory
 * for reassigning. Calls waiting and operators' states come from {@code /api/live/queue}.
 */
public final class SupervisorRoutes implements ApiRoutes {

    private static final Pattern REFERRAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,200}:[A-Za-z0-9_-]{1,64}(:update-[0-9]{1,6})?");
    private static final int MAX_BODY = 4 * 1024;

    private final TipDesk desk;
    private final ReferralInterventions interventions;
    private final ActivePathway pathway;
    private final AuditLog audit;

    public SupervisorRoutes(TipDesk desk, ReferralInterventions interventions, ActivePathway pathway, AuditLog audit) {
        this.desk = desk;
        this.interventions = interventions;
        this.pathway = pathway;
        this.audit = audit;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/supervisor/review").handler(access.require(Role.SUPERVISOR))
                .handler(ctx -> blocking(ctx, desk::reviewQueue, tips -> json(ctx, 200, new JsonObject().put("tips", tips))));
        router.post("/api/supervisor/review/:reference/close").handler(access.require(Role.SUPERVISOR))
                .handler(this::close);
        router.get("/api/supervisor/referrals").handler(access.require(Role.SUPERVISOR)).handler(this::problems);
        router.get("/api/supervisor/agencies").handler(access.require(Role.SUPERVISOR)).handler(this::agencies);
        router.post("/api/supervisor/referrals/:id/retry").handler(access.require(Role.SUPERVISOR))
                .handler(ctx -> act(ctx, "retry"));
        router.post("/api/supervisor/referrals/:id/reassign").handler(access.require(Role.SUPERVISOR))
                .handler(ctx -> act(ctx, "reassign"));
        router.post("/api/supervisor/referrals/:id/escalate").handler(access.require(Role.SUPERVISOR))
                .handler(ctx -> act(ctx, "escalate"));
    }

    private void close(RoutingContext ctx) {
        String reference = OperatorRoutes.reference(ctx);
        String note = Handlers.optionalText(body(ctx, MAX_BODY, false), "note", 500);
        if (note == null) {
            throw ApiException.invalidFields(Map.of("note", "say why the tip needs no referral"));
        }
        Principal by = Access.principal(ctx);
        blocking(ctx, () -> desk.closeReviewed(reference, note, by) ? desk.status(reference) : Optional.<String>empty(),
                status -> {
            if (status.isEmpty()) {
                ctx.fail(ApiException.notFound("No tip under review has that reference."));
            } else {
                // a routed after-hours tip stays open (REFERRED): its review is recorded, its agencies go on
                json(ctx, 200, new JsonObject().put("reference", reference).put("status", status.get()));
            }
        });
    }

    private void problems(RoutingContext ctx) {
        blocking(ctx, () -> new JsonObject()
                .put("deadLetters", views(interventions.deadLetters(TipDesk.LIMIT)))
                .put("overdue", views(interventions.overdue(TipDesk.LIMIT)))
                .put("declined", views(interventions.declined(TipDesk.LIMIT))), body -> json(ctx, 200, body));
    }

    private void agencies(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        pathway.get().agencies().forEach(a -> out.add(new JsonObject().put("id", a.id()).put("name", a.name())
                .put("kind", a.kind()).put("serviceAreas", new JsonArray(a.serviceAreas()))));
        json(ctx, 200, new JsonObject().put("agencies", out));
    }

    private void act(RoutingContext ctx, String action) {
        String id = ctx.pathParam("id");
        if (id == null || !REFERRAL_ID.matcher(id).matches()) {
            throw ApiException.badRequest("invalid_referral_id", "A referral id is <tip id>:<agency id>.");
        }
        JsonObject body = body(ctx, MAX_BODY, !"reassign".equals(action));
        String reason = Handlers.optionalText(body, "reason", 500);
        Principal by = Access.principal(ctx);
        Optional<Agency> to;
        if ("reassign".equals(action)) {
            Object agencyId = body.getValue("agencyId");
            to = agencyId instanceof String s ? pathway.get().agency(s) : Optional.empty();
            if (to.isEmpty()) {
                throw ApiException.invalidFields(Map.of("agencyId", "must be an agency of the directory"));
            }
            if (reason == null) {
                throw ApiException.invalidFields(Map.of("reason", "say why the referral goes to another agency"));
            }
        } else {
            to = Optional.empty();
        }
        blocking(ctx, () -> {
            AnswerResult result = switch (action) {
                case "retry" -> interventions.retry(id, by.userId());
                case "reassign" -> interventions.reassign(id, to.orElseThrow(), by.userId(), reason);
                default -> interventions.escalate(id, pathway.get()::agency, by.userId(), reason);
            };
            if (!(result instanceof AnswerResult.Refused)) {
                audit.record(new AuditEvent(by.userId(), "referral." + action, id,
                        to.map(a -> Map.of("to", a.id())).orElse(Map.of())));
            }
            return result;
        }, result -> answer(ctx, action, result));
    }

    private static void answer(RoutingContext ctx, String action, AnswerResult result) {
        switch (result) {
            case AnswerResult.Applied a -> json(ctx, 200, view(a.referral()).put("action", action).put("repeat", false));
            case AnswerResult.AlreadyApplied a -> json(ctx, 200, view(a.referral()).put("action", action)
                    .put("repeat", true));
            case AnswerResult.Refused r -> ctx.fail(switch (r.reason()) {
                case NOT_FOUND -> ApiException.notFound("No such referral.");
                case WRONG_STATE -> new ApiException(409, "wrong_state", r.message());
                case INVALID -> ApiException.badRequest("invalid_request", r.message());
            });
        }
    }

    private static JsonArray views(List<Referral> referrals) {
        JsonArray out = new JsonArray();
        referrals.forEach(r -> out.add(view(r)));
        return out;
    }

    /** A referral as supervisors see it: where it stands, not what it carries. */
    static JsonObject view(Referral r) {
        return new JsonObject().put("id", r.id()).put("reference", r.reference()).put("agencyId", r.agencyId())
                .put("agencyName", r.agencyName()).put("state", r.state().name()).put("priority", r.priority())
                .put("channel", r.channel()).put("category", r.category())
                .put("createdAt", r.createdAt() == null ? null : r.createdAt().toString())
                .put("ackDeadline", r.ackDeadline() == null ? null : r.ackDeadline().toString())
                .put("attempts", r.attempts().size()).put("lastError", r.lastError())
                .put("escalationChain", new JsonArray(r.escalationChain()));
    }
}
