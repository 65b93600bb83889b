package org.hotline.core.text;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A small HTTP server answering as Kannel's sendsms does, recording each message (to, from, text). */
final class RecordingSendsms implements AutoCloseable {

    record Sent(String to, String from, String text) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile boolean down;

    RecordingSendsms(Vertx vertx) throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> {
            if (down) {
                request.response().setStatusCode(503).end("Service unavailable");
                return;
            }
            sent.add(new Sent(request.getParam("to"), request.getParam("from"), request.getParam("text")));
            request.response().setStatusCode(202).end("0: Accepted for delivery");
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/cgi-bin/sendsms";
    }

    void down(boolean isDown) {
        down = isDown;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<String> textsTo(String number) {
        return sent.stream().filter(s -> number.equals(s.to())).map(Sent::text).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
