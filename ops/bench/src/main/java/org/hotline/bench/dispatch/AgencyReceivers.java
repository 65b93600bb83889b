package org.hotline.bench.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Small real agency webhook receivers on loopback, one Vert.x HTTP server per agency. Each request's JSON
 * {@code reference} and arrival time go to a listener; every request is answered {@code 200} at once, so the
 * figures measure the sender, not the agency.
 */
public final class AgencyReceivers implements AutoCloseable {

    /** Called on an event loop for every request that arrived completely. */
    @FunctionalInterface
    public interface Listener {
        void received(int agency, String reference, long arrivalNanos);
    }

    private final Vertx vertx;
    private final List<HttpServer> servers = new ArrayList<>();

    private AgencyReceivers(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts {@code count} receivers on free loopback ports. */
    public static AgencyReceivers start(int count, Listener listener) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        AgencyReceivers receivers = new AgencyReceivers(Vertx.vertx());
        try {
            for (int i = 0; i < count; i++) {
                int agency = i;
                receivers.servers.add(await(receivers.vertx.createHttpServer()
                        .requestHandler(request -> receive(agency, request, listener)).listen(0, "127.0.0.1")));
            }
            return receivers;
        } catch (RuntimeException e) {
            receivers.close();
            throw e;
        }
    }

    /** Base URL of agency {@code i} (0-based), without a trailing slash. */
    public String url(int i) {
        return "http://127.0.0.1:" + port(i);
    }

    /** Port of agency {@code i} (0-based). */
    public int port(int i) {
        return servers.get(i).actualPort();
    }

    public int count() {
        return servers.size();
    }

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    private static void receive(int agency, HttpServerRequest request, Listener listener) {
        request.body().onSuccess(body -> {
            long arrival = System.nanoTime();
            String reference = body.length() == 0 ? null : body.toJsonObject().getString("reference");
            listener.received(agency, reference, arrival);
            request.response().setStatusCode(200).putHeader("content-type", "application/json").end("{}");
        });
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("agency receiver operation failed: " + e.getMessage(), e);
        }
    }
}
