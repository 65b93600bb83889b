package org.hotline.core.followup;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.intake.ReferenceCodec;

/**
 * {@code POST /api/tips/:reference/followup/reopen} with {@code {"callerChecked": true}} (OPERATOR, SUPERVISOR):
 * lifts the follow-up PIN lock of a reference at once, after the operator has checked the caller on the phone.
 * Audited as {@code followup.reopened}, whether or not the reference was locked.
 */
public final class FollowUpRoutes implements ApiRoutes {

    private final Vertx vertx;
    private final FollowUpLocks locks;
    private final AuditLog audit;

    public FollowUpRoutes(Vertx vertx, FollowUpLocks locks, AuditLog audit) {
        this.vertx = vertx;
        this.locks = locks;
        this.audit = audit;
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/tips/:reference/followup/reopen").handler(access.require(Role.OPERATOR, Role.SUPERVISOR))
                .handler(this::validateReopen);
    }

    private void validateReopen(RoutingContext ctx) {
        String reference = ctx.pathParam("reference");
        if (!ReferenceCodec.isWellFormed(reference)) {
            ctx.fail(ApiException.badRequest("invalid_reference", "A reference is 9 digits with a valid check digit."));
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || !Boolean.TRUE.equals(body.getValue("callerChecked"))) {
            ctx.fail(ApiException.badRequest("caller_not_checked",
                    "Reopen only after checking the caller; say so with {\"callerChecked\": true}."));
            return;
        }
        doReopen(ctx, reference);
    }

    private void doReopen(RoutingContext ctx, String reference) {
        String actor = Access.principal(ctx).userId();
        vertx.executeBlocking(() -> {
            boolean wasLocked = locks.reopen(reference);
            audit.record(new AuditEvent(actor, "followup.reopened", reference, Map.of("wasLocked", String.valueOf(wasLocked))));
            return wasLocked;
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(new ApiException(503, "storage_unavailable", "The lock cannot be lifted right now."));
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("reference", reference).put("wasLocked", ar.result()).encode());
        });
    }
}
