package org.hotline.core.telephony;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.live.OperatorDirectory;

/**
 * Live hand-over of the caller to an agency's duty line:
 * <ul>
 *   <li>{@code POST /api/operators/me/transfer} {@code {"referralId": "...", "mode": "warm"|"blind"}} (OPERATOR):
 *       warm answers {@code CONSULTING} (talk to the agency; the caller hears music) or {@code AGENCY_UNREACHABLE}
 *       (back with the caller); blind answers {@code HANDED_OVER} with the record;</li>
 *   <li>{@code GET /api/operators/me/transfer/targets} (OPERATOR): the referrals of my current call's report, and
 *       whether each agency has a duty line;</li>
 *   <li>{@code POST /api/operators/me/transfer/join} (OPERATOR): caller, agency and operator together;</li>
 *   <li>{@code POST /api/operators/me/transfer/leave} (OPERATOR): the operator leaves, the hand-over is recorded;</li>
 *   <li>{@code GET /api/referrals/{id}/live-handovers} (OPERATOR, SUPERVISOR): a referral's live hand-overs.</li>
 * </ul>
 */
public final class TransferRoutes implements ApiRoutes {

    private final Vertx vertx;
    private final AgencyTransfer transfers;
    private final LiveHandovers handovers;
    private final Function<String, List<TransferTarget>> callTargets;
    private final OperatorDirectory phones;

    public TransferRoutes(Vertx vertx, AgencyTransfer transfers, LiveHandovers handovers,
            Function<String, List<TransferTarget>> callTargets, OperatorDirectory phones) {
        this.vertx = vertx;
        this.transfers = transfers;
        this.handovers = handovers;
        this.callTargets = callTargets;
        this.phones = phones;
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/operators/me/transfer").handler(access.require(Role.OPERATOR)).handler(this::validateStart);
        router.get("/api/operators/me/transfer/targets").handler(access.require(Role.OPERATOR)).handler(ctx ->
                answer(ctx, () -> new JsonObject().put("targets", new JsonArray(transfers.reference(phone(ctx))
                        .map(callTargets).orElse(List.of()).stream().map(t -> new JsonObject()
                                .put("referralId", t.referralId()).put("agencyId", t.agencyId())
                                .put("agencyName", t.agencyName()).put("dutyLine", t.dialable())).toList()))));
        router.post("/api/operators/me/transfer/join").handler(access.require(Role.OPERATOR)).handler(ctx ->
                answer(ctx, () -> {
                    transfers.join(userId(ctx), phone(ctx));
                    return new JsonObject().put("joined", true);
                }));
        router.post("/api/operators/me/transfer/leave").handler(access.require(Role.OPERATOR)).handler(ctx ->
                answer(ctx, () -> toJson(transfers.leave(userId(ctx), phone(ctx)))));
        router.get("/api/referrals/:id/live-handovers").handler(access.require(Role.OPERATOR, Role.SUPERVISOR))
                .handler(ctx -> answer(ctx, () -> new JsonObject().put("handovers", new JsonArray(handovers
                        .forReferral(ctx.pathParam("id")).stream().map(TransferRoutes::toJson).toList()))));
    }

    private void validateStart(RoutingContext ctx) {
        JsonObject body = TelephonyHttp.body(ctx);
        Object referral = body == null ? null : body.getValue("referralId");
        Object mode = body == null ? null : body.getValue("mode");
        if (!(referral instanceof String id) || id.isBlank() || id.length() > 200
                || !("warm".equals(mode) || "blind".equals(mode))) {
            ctx.fail(ApiException.badRequest("invalid_transfer",
                    "The body must be {\"referralId\": \"...\", \"mode\": \"warm\" or \"blind\"}."));
            return;
        }
        if ("blind".equals(mode)) {
            answer(ctx, () -> toJson(transfers.blind(userId(ctx), phone(ctx), id)).put("outcome", "HANDED_OVER"));
            return;
        }
        vertx.executeBlocking(() -> transfers.warm(userId(ctx), phone(ctx), id)).compose(Future::fromCompletionStage)
                .onSuccess(outcome -> ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("outcome", outcome.name()).put("message", outcome == AgencyTransfer.Outcome.CONSULTING
                                ? "You are speaking to the agency; the caller hears music."
                                : "The agency's duty line did not answer; you are back with the caller.").encode()))
                .onFailure(e -> ctx.fail(TelephonyRoutes.toApi(e)));
    }

    private void answer(RoutingContext ctx, Callable<JsonObject> work) {
        vertx.executeBlocking(work).onSuccess(json -> TelephonyHttp.json(ctx, json))
                .onFailure(e -> ctx.fail(TelephonyRoutes.toApi(e)));
    }

    private String phone(RoutingContext ctx) throws TelephonyRefused {
        return TelephonyHttp.phone(phones, ctx);
    }

    private static String userId(RoutingContext ctx) {
        Principal principal = Access.principal(ctx);
        return principal.userId();
    }

    static JsonObject toJson(LiveHandover h) {
        JsonObject json = new JsonObject().put("id", h.id()).put("referralId", h.referralId())
                .put("reference", h.reference()).put("agencyId", h.agencyId()).put("operator", h.operator())
                .put("mode", h.mode()).put("outcome", h.outcome()).put("startedAt", h.startedAt().toString())
                .put("endedAt", h.endedAt().toString()).put("seconds", h.duration().toSeconds());
        h.joinedAt().ifPresent(t -> json.put("joinedAt", t.toString()));
        if (!h.detail().isEmpty()) {
            json.put("detail", h.detail());
        }
        return json;
    }
}
