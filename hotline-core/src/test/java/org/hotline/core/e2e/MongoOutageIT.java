package org.hotline.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MongoDB goes away during a call: the caller still gets a reference, and the tip arrives once MongoDB is back. */
class MongoOutageIT {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private MongoServer mongo;
    private H2Backend backend;

    @AfterEach
    void stop() {
        if (mongo != null) {
            mongo.shutdownNow();
        }
        vertx.close();
    }

    @Test
    void shouldGiveTheCallerAReferenceWhileMongoIsDownAndDeliverWhenItReturns() throws Exception {
        // given: a node on an external MongoDB-compatible server
        int port = freePort();
        Path mongoFile = dir.resolve("external-mongo.mv");
        startMongo(mongoFile, port);
        try (RecordingAgency agencies = RecordingAgency.start(vertx)) {
            Map<String, String> env = TestNode.env(dir, agencies);
            env.put("MONGODB_URI", "mongodb://127.0.0.1:" + port);
            env.put("HOTLINE_MONGO_TIMEOUT", "1s");
            try (Hotline hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC())) {
                // when: MongoDB is unreachable during the call
                mongo.shutdownNow();
                backend.close();
                CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort()).call("hotline",
                        Calls.forcedLabourReport());

                // then: the caller heard a reference all the same
                String reference = call.variables().get("HOTLINE_REFERENCE");
                assertThat(reference).matches("\\d{9}");
                assertThat(call.digitsSaid()).contains(reference);
                assertThat(health(hotline.httpPort())).contains("\"status\":\"DEGRADED\"");
                assertThat(agencies.requests()).isEmpty();

                // and when MongoDB comes back, the tip reaches it and the agencies
                startMongo(mongoFile, port);
                await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(hotline.mongo().database()
                        .getCollection("tips").find(new Document("reference", reference)).first()).isNotNull());
                Set<String> expected = Expectations.webhookAgencies(env, "forced_labour", "MO");
                await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                        assertThat(Expectations.agencyIds(agencies.effectiveDeliveries().values()))
                                .containsExactlyInAnyOrderElementsOf(expected));
            }
        }
    }

    private void startMongo(Path file, int port) throws Exception {
        Files.createDirectories(file.getParent());
        backend = new H2Backend(file.toString());
        mongo = new MongoServer(backend);
        mongo.bind("127.0.0.1", port);
    }

    private static String health(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
