package org.hotline.bench.danger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The agencies' webhook receiver for the danger-key benchmark, a real Vert.x HTTP server on loopback that every
 * agency of the national pathway points at. It times the first complete {@code IMMEDIATE} referral the police
 * unit ({@value #POLICE_PATH}) receives for each tip reference, and the raw baseline POSTs sent to
 * {@value #RAW_PATH}; every request is answered {@code 200} at once, so the figures measure the sender.
 */
public final class PoliceReceiver implements AutoCloseable {

    /** The police anti-trafficking unit's webhook in {@code pathway-config/examples/national.yaml}. */
    public static final String POLICE_PATH = "/agencies/lnp-ahtu";
    static final String RAW_PATH = "/raw";

    private final Vertx vertx = Vertx.vertx();
    private final WebClient client = WebClient.create(vertx);
    private final Map<String, Long> immediate = new ConcurrentHashMap<>();
    private final Map<String, Long> raw = new ConcurrentHashMap<>();
    private final Map<String, Long> rawSent = new ConcurrentHashMap<>();
    private volatile int immediateBytes;
    private final HttpServer server;

    private PoliceReceiver() {
        server = await(vertx.createHttpServer().requestHandler(this::receive).listen(0, "127.0.0.1"));
    }

    public static PoliceReceiver start() {
        return new PoliceReceiver();
    }

    /** What the node's {@code HOTLINE_DEMO_AGENCY_URL} is set to: the base of every example agency's webhook. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** When the police unit had this reference's whole IMMEDIATE referral ({@link System#nanoTime()}), or null. */
    public Long immediateArrival(String reference) {
        return immediate.get(reference);
    }

    /** Size of the last IMMEDIATE referral body received (0 before the first), so the raw POST moves as much. */
    public int immediateBytes() {
        return immediateBytes;
    }

    /**
     * Sends a raw WebClient POST of {@code bytes} bytes to this receiver now, timed from this call to its arrival
     * (see {@link #rawLatencyNanos}).
     */
    public void sendRaw(String id, int bytes) {
        JsonObject body = new JsonObject().put("reference", id).put("priority", "IMMEDIATE").put("padding", "");
        int pad = Math.max(0, bytes - body.encode().length());
        body.put("padding", "x".repeat(pad));
        rawSent.put(id, System.nanoTime());
        client.postAbs(baseUrl() + RAW_PATH).putHeader("Idempotency-Key", id).sendJsonObject(body);
    }

    /** Send-to-arrival time of the raw POST {@code id}, or -1 when it has not arrived. */
    public long rawLatencyNanos(String id) {
        Long sent = rawSent.get(id);
        Long arrived = raw.get(id);
        return sent == null || arrived == null ? -1 : arrived - sent;
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    private void receive(HttpServerRequest request) {
        String path = request.path();
        request.body().onSuccess(body -> {
            long arrival = System.nanoTime();
            if (path.equals(POLICE_PATH) || path.equals(RAW_PATH)) {
                record(path, body, arrival);
            }
            request.response().setStatusCode(200).putHeader("content-type", "application/json").end("{}");
        });
    }

    private void record(String path, Buffer body, long arrival) {
        JsonObject json = body.length() == 0 ? new JsonObject() : body.toJsonObject();
        String reference = json.getString("reference");
        if (reference == null || !"IMMEDIATE".equalsIgnoreCase(json.getString("priority"))) {
            return;
        }
        if (path.equals(RAW_PATH)) {
            raw.putIfAbsent(reference, arrival);
        } else if (immediate.putIfAbsent(reference, arrival) == null) {
            immediateBytes = body.length();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("police receiver operation failed: " + e.getMessage(), e);
        }
    }
}
