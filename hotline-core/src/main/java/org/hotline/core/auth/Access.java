package org.hotline.core.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Access control for API routes. Put {@code access.require(...)} before a route's handler: the request goes
 * on only when it carries a valid session of a person holding one of the roles. Otherwise it ends with 401
 * (not signed in) or 403 (wrong role; audited as {@code access.denied}), with the API's JSON error body.
 */
public interface Access {

    /** Context key under which the signed-in {@link Principal} is stored for the handlers that follow. */
    String PRINCIPAL = "hotline.principal";

    Handler<RoutingContext> require(Role... roles);

    /**
     * Runs {@code onEnd} once the session that authenticated {@code ctx} ends (sign-out, idle timeout, maximum
     * age, or removal on another node); for long-lived responses such as event streams. Use after
     * {@link #require}. The returned handle stops watching.
     */
    Runnable watchSession(RoutingContext ctx, Runnable onEnd);

    /** The principal {@link #require} admitted; fails if used on a route without {@code require}. */
    static Principal principal(RoutingContext ctx) {
        Principal principal = ctx.get(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("route has no access.require(...) before its handler");
        }
        return principal;
    }
}
