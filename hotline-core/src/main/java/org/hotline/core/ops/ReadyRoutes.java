package org.hotline.core.ops;

import io.vertx.ext.web.Router;
import org.hotline.core.auth.Access;
import org.hotline.core.http.ApiRoutes;

/**
 * {@code GET /ready}: 200 with the report when the node takes calls and work, 503 with the same JSON (and its
 * {@code reasons}) otherwise. Unauthenticated like {@code /health}: it reveals no data, only part states.
 */
public final class ReadyRoutes implements ApiRoutes {

    private final Readiness readiness;

    public ReadyRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/ready").handler(ctx -> ctx.vertx().executeBlocking(readiness::evaluate).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Readiness.Report report = ar.result();
            ctx.response().setStatusCode(report.ready() ? 200 : 503).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(report.toJson().encode());
        }));
    }
}
