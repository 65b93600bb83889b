package org.hotline.core.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;

/**
 * A node on a MongoDB-compatible server of its own (the embedded engine, on a fixed port and file) that a test
 * can stop mid-shift and start again, with the node's log lines captured from standard error.
 */
final class OutageBed implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final RecordingAgency agencies;
    final Map<String, String> env;
    final Hotline node;
    private final int port;
    private final Path mongoFile;
    private MongoServer mongo;
    private H2Backend backend;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream originalErr = System.err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OutageBed(Path dir) throws Exception {
        port = freePort();
        mongoFile = dir.resolve("external-mongo").resolve("mongo.mv");
        startMongo();
        agencies = RecordingAgency.start(vertx);
        env = TestNode.env(dir, agencies);
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + port);
        env.put("HOTLINE_MONGO_TIMEOUT", "1s");
        System.setErr(new PrintStream(new TeeStream(originalErr, log), true, StandardCharsets.UTF_8));
        node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
    }

    void stopMongo() {
        mongo.shutdownNow();
        backend.close();
    }

    void startMongo() throws Exception {
        Files.createDirectories(mongoFile.getParent());
        backend = new H2Backend(mongoFile.toString());
        mongo = new MongoServer(backend);
        mongo.bind("127.0.0.1", port);
    }

    /** Log lines written since the node started. */
    synchronized List<String> logLines() {
        return log.toString(StandardCharsets.UTF_8).lines().toList();
    }

    record Response(int status, String body) {}

    Response get(String path, Staff.Session session) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), session);
    }

    Response post(String path, Staff.Session session, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), session);
    }

    private Response send(HttpRequest.Builder request, Staff.Session session) throws Exception {
        if (session != null) {
            request.header("Authorization", session.bearer());
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.httpPort() + path);
    }

    @Override
    public void close() throws Exception {
        try {
            node.close();
        } finally {
            System.setErr(originalErr);
            mongo.shutdownNow();
            agencies.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Writes to both streams; the captured copy is read by {@link #logLines()}. */
    private final class TeeStream extends java.io.OutputStream {
        private final PrintStream first;
        private final ByteArrayOutputStream second;

        TeeStream(PrintStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            first.write(b);
            synchronized (OutageBed.this) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            first.write(b, off, len);
            synchronized (OutageBed.this) {
                second.write(b, off, len);
            }
        }
    }
}
