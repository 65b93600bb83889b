package org.hotline.core.telephony;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.auth.Access;
import org.hotline.core.live.OperatorDirectory;

/** What the telephony routes share: the signed-in person's phone, the JSON body, a JSON answer. */
final class TelephonyHttp {

    private TelephonyHttp() {}

    /** The phone assigned to the signed-in account. Blocks (storage). */
    static String phone(OperatorDirectory phones, RoutingContext ctx) throws TelephonyRefused {
        return phones.agentInterface(Access.principal(ctx)).orElseThrow(() -> new TelephonyRefused(409, "no_phone",
                "No phone is assigned to your account; ask an administrator."));
    }

    /** The request's JSON object, or null when there is none or it is not one. */
    static JsonObject body(RoutingContext ctx) {
        try {
            return ctx.body() == null ? null : ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
