package org.hotline.core.agency;

import static org.hotline.core.http.Handlers.blocking;
import static org.hotline.core.http.Handlers.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.core.referral.AgencyReferrals;
import org.hotline.core.agency.internal.Requests;
import org.hotline.core.auth.Access;
import org.hotline.core.http.Handlers;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.referral.AnswerResult;
import org.hotline.core.referral.ReferralAnswers;

/**
 * The agency users' API (AGENCY_USER, bound to one agency): their referrals and one referral's allowed fields;
 * acknowledge, decline with a reason, record an outcome. Every id is looked up within the caller's own agency,
 * so another agency's referral is a 404. Bad bodies are refused before anything is read or changed.
 */
public final class AgencyRoutes implements ApiRoutes {

    private static final int MAX_TEXT = 1000;

    private final AgencyReferrals referrals;
    private final ReferralAnswers answers;
    private final Answers apply;

    public AgencyRoutes(AgencyReferrals referrals, ReferralAnswers answers, Answers apply) {
        this.referrals = referrals;
        this.answers = answers;
        this.apply = apply;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/agency/referrals").handler(access.require(Role.AGENCY_USER)).handler(this::list);
        router.get("/api/agency/referrals/:id").handler(access.require(Role.AGENCY_USER)).handler(this::show);
        router.post("/api/referrals/:id/ack").handler(access.require(Role.AGENCY_USER)).handler(this::acknowledge);
        router.post("/api/referrals/:id/decline").handler(access.require(Role.AGENCY_USER)).handler(this::decline);
        router.post("/api/referrals/:id/outcome").handler(access.require(Role.AGENCY_USER)).handler(this::outcome);
    }

    private void list(RoutingContext ctx) {
        String agency = agency(ctx);
        blocking(ctx, () -> referrals.list(agency), list -> json(ctx, 200, new JsonObject().put("agencyId", agency)
                .put("outcomeCodes", new JsonArray(AgencyReferrals.outcomeCodes())).put("referrals", list)));
    }

    private void show(RoutingContext ctx) {
        String agency = agency(ctx);
        String id = Requests.referralId(ctx);
        String actor = Access.principal(ctx).userId();
        blocking(ctx, () -> referrals.view(id, agency, actor).orElseThrow(() -> ApiException.notFound("No such referral.")),
                view -> json(ctx, 200, view));
    }

    private void acknowledge(RoutingContext ctx) {
        String agency = agency(ctx);
        String id = Requests.referralId(ctx);
        Handlers.body(ctx, Requests.MAX_BODY, true);
        answer(ctx, "referral.acknowledge", () -> answers.acknowledge(id, agency));
    }

    private void decline(RoutingContext ctx) {
        String agency = agency(ctx);
        String id = Requests.referralId(ctx);
        String reason = Handlers.optionalText(Handlers.body(ctx, Requests.MAX_BODY, false), "reason", MAX_TEXT);
        if (reason == null) {
            throw ApiException.invalidFields(Map.of("reason", "say why the agency declines the referral"));
        }
        answer(ctx, "referral.decline", () -> answers.decline(id, agency, reason));
    }

    private void outcome(RoutingContext ctx) {
        String agency = agency(ctx);
        String id = Requests.referralId(ctx);
        JsonObject body = Handlers.body(ctx, Requests.MAX_BODY, false);
        String code = Handlers.optionalText(body, "code", 64);
        String note = Handlers.optionalText(body, "note", MAX_TEXT);
        if (code == null || !ReferralAnswers.OUTCOMES.contains(code)) {
            throw ApiException.invalidFields(Map.of("code", "must be one of " + AgencyReferrals.outcomeCodes()));
        }
        if ("no_action".equals(code) && note == null) {
            throw ApiException.invalidFields(Map.of("note", "say why no action is taken"));
        }
        answer(ctx, "referral.outcome", () -> answers.recordOutcome(id, agency, code, note));
    }

    private void answer(RoutingContext ctx, String action, Supplier<AnswerResult> work) {
        String actor = Access.principal(ctx).userId();
        blocking(ctx, () -> apply.apply(actor, action, "api", work), body -> json(ctx, 200, body));
    }

    /** The caller's agency; an agency account without one cannot use the portal. */
    private static String agency(RoutingContext ctx) {
        Principal principal = Access.principal(ctx);
        return principal.agencyId().orElseThrow(() ->
                new ApiException(403, "forbidden", "This account is not bound to an agency."));
    }
}
