package org.hotline.core.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode only: a small agency endpoint that stands in for every agency of the example pathway, so that a
 * newcomer can watch a referral arrive. It logs what it receives (category and priority, no personal data),
 * treats a repeated {@code Idempotency-Key} as the same referral, and lists receipts at
 * {@code GET /agencies/{id}/received}. Those pages show whole payloads to whoever asks, so the receiver
 * listens on {@link #HOST} (loopback) only, whatever the node's own HTTP host is.
 */
public final class DemoAgencyReceiver {

    /** The only address the receiver binds: its receipts must not be reachable from another machine. */
    public static final String HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(DemoAgencyReceiver.class);

    private final Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();
    private final Map<String, Boolean> seenKeys = new ConcurrentHashMap<>();

    /** Listens on {@link #HOST} and {@code port} (0 = any free port). */
    public Future<HttpServer> start(Vertx vertx, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.post("/agencies/:agency").handler(ctx -> {
            String agency = ctx.pathParam("agency");
            String key = ctx.request().getHeader("Idempotency-Key");
            JsonObject body;
            try {
                body = ctx.body().asJsonObject();
            } catch (RuntimeException e) {
                ctx.response().setStatusCode(400).end();
                return;
            }
            if (key == null || body == null) {
                ctx.response().setStatusCode(400).end();
                return;
            }
            if (seenKeys.putIfAbsent(key, Boolean.TRUE) == null) {
                received.computeIfAbsent(agency, a -> new CopyOnWriteArrayList<>()).add(body);
                // the category is in the body only when the agency's profile discloses it
                LOG.info("Demo agency '{}' received referral for tip {} ({}priority {})", agency,
                        body.getString("reference"), body.getString("category") == null ? ""
                                : "category " + body.getString("category") + ", ", body.getString("priority"));
            } else {
                LOG.info("Demo agency '{}' got a repeat of an earlier referral (same idempotency key); ignored", agency);
            }
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("received", true).encode());
        });
        router.get("/agencies/:agency/received").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonArray(received.getOrDefault(ctx.pathParam("agency"), List.of())).encode()));
        return vertx.createHttpServer().requestHandler(router).listen(port, HOST);
    }
}
