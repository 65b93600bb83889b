package org.hotline.core.live.internal;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.live.LiveHub;

/**
 * One server-sent-events stream. {@link #send} may be called from any thread; the write happens on the
 * request's event loop. A client that does not read (full write queue) misses events instead of growing memory;
 * a comment line every {@code heartbeatMillis} keeps proxies from closing an idle stream and reveals dead ones.
 */
public final class SseStream implements LiveHub.Subscriber {

    private final HttpServerResponse response;
    private final Context context;
    private final List<Runnable> onClose = new ArrayList<>();
    private volatile boolean closed;

    private SseStream(HttpServerResponse response, Context context) {
        this.response = response;
        this.context = context;
    }

    /**
     * Prepares the stream on the current request's event loop (call from a handler) without sending anything yet:
     * subscribe it, then {@link #start} it in the same handler. Events sent in between go out after the start.
     */
    public static SseStream create(Vertx vertx, HttpServerResponse response, long heartbeatMillis) {
        SseStream stream = new SseStream(response, vertx.getOrCreateContext());
        long timer = vertx.setPeriodic(heartbeatMillis, id -> stream.write(": keepalive\n\n"));
        stream.onClose(() -> vertx.cancelTimer(timer));
        response.closeHandler(v -> stream.closed());
        response.exceptionHandler(e -> stream.closed());
        return stream;
    }

    /** Sends the headers: from here the client sees the stream open. */
    public void start() {
        response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        response.write("retry: 3000\n\n");
    }

    /** Runs when the client goes away (unsubscribe here). */
    public void onClose(Runnable action) {
        context.runOnContext(v -> {
            if (closed) {
                action.run();
            } else {
                onClose.add(action);
            }
        });
    }

    @Override
    public void send(String event, JsonObject data) {
        String frame = "event: " + event + "\ndata: " + data.encode() + "\n\n";
        context.runOnContext(v -> write(frame));
    }

    /** Ends the stream from the server side (the client sees the response end); runs the close actions. */
    public void close() {
        context.runOnContext(v -> {
            if (!closed) {
                closed();
                response.end();
            }
        });
    }

    private void write(String frame) {
        if (!closed && !response.writeQueueFull()) {
            response.write(frame);
        }
    }

    private void closed() {
        if (!closed) {
            closed = true;
            onClose.forEach(Runnable::run);
            onClose.clear();
        }
    }
}
