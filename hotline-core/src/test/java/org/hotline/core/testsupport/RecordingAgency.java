package org.hotline.core.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real HTTP server playing an agency's referral endpoint (or an SMS gateway): it records every
 * request, and keeps the first body per {@code Idempotency-Key} as the agency's "effective" deliveries, the
 * way a real receiver drops repeats. Answers follow a script ({@link #thenAnswer}, {@link #thenHang}), then
 * the default status. It can be stopped and started again on the same port to play an outage.
 */
public final class RecordingAgency implements AutoCloseable {

    /** One request as the agency saw it. */
    public record Received(String method, String path, Map<String, String> headers, String body, long receivedNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private sealed interface Answer {}

    private record Status(int code, Duration delay) implements Answer {}

    private record Hang() implements Answer {}

    private final Vertx vertx;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Received> effective = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private volatile int defaultStatus = 200;
    private volatile Duration defaultDelay = Duration.ZERO;
    private volatile HttpServer server;
    private int port;

    private RecordingAgency(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts an agency on a free loopback port. */
    public static RecordingAgency start(Vertx vertx) {
        RecordingAgency agency = new RecordingAgency(vertx);
        agency.listen(0);
        return agency;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public int port() {
        return port;
    }

    /** The next request is answered with {@code status}. */
    public RecordingAgency thenAnswer(int status) {
        script.add(new Status(status, Duration.ZERO));
        return this;
    }

    /** The next request is recorded and answered with {@code status} only after {@code delay}. */
    public RecordingAgency thenAnswerAfter(int status, Duration delay) {
        script.add(new Status(status, delay));
        return this;
    }

    /** The next request is recorded and never answered. */
    public RecordingAgency thenHang() {
        script.add(new Hang());
        return this;
    }

    /** Status and delay of requests beyond the script. */
    public RecordingAgency byDefault(int status, Duration delay) {
        this.defaultStatus = status;
        this.defaultDelay = delay;
        return this;
    }

    public List<Received> requests() {
        return List.copyOf(requests);
    }

    /** First request per Idempotency-Key: what the agency acts on. */
    public Map<String, Received> effectiveDeliveries() {
        return Map.copyOf(effective);
    }

    /** Most requests that were open at the same time. */
    public int maxConcurrentRequests() {
        return maxConcurrent.get();
    }

    /** Stops listening: connections are refused until {@link #restart()}. */
    public void stop() {
        await(server.close());
    }

    /** Listens again on the same port. */
    public void restart() {
        listen(port);
    }

    @Override
    public void close() {
        if (server != null) {
            await(server.close());
        }
    }

    private void listen(int wanted) {
        server = await(vertx.createHttpServer().requestHandler(this::handle).listen(wanted, "127.0.0.1"));
        port = server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        request.body().onSuccess(body -> record(request, body)).onFailure(e -> concurrent.decrementAndGet());
    }

    private void record(HttpServerRequest request, Buffer body) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue()));
        Received received = new Received(request.method().name(), request.path(), Map.copyOf(headers), body.toString(),
                System.nanoTime());
        requests.add(received);
        Answer answer = script.poll();
        if (answer == null) {
            answer = new Status(defaultStatus, defaultDelay);
        }
        if (answer instanceof Status s && s.code() >= 200 && s.code() < 300) {
            // The agency acts on the first copy it accepts, even when its answer is slow to leave.
            String key = received.header("Idempotency-Key");
            effective.putIfAbsent(key == null ? "no-key-" + requests.size() : key, received);
        }
        switch (answer) {
            case Hang h -> concurrent.decrementAndGet();
            case Status s when s.delay().isZero() -> respond(request, s.code());
            case Status s -> vertx.setTimer(s.delay().toMillis(), id -> respond(request, s.code()));
        }
    }

    private void respond(HttpServerRequest request, int status) {
        concurrent.decrementAndGet();
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end("{\"status\":" + status + "}");
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("agency server operation failed", e);
        }
    }
}
