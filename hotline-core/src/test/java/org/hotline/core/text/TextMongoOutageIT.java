package org.hotline.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB goes away in mid-conversation: the node keeps the message sealed in its text journal and tells the
 * gateway it has it (a gateway's redelivery is limited, the journal is not); once MongoDB is back the message is
 * taken into the conversation and answered, once, and a late redelivery of it changes nothing.
 */
class TextMongoOutageIT {

    private static final String KEY = "outage-test-inbound-key-01";
    private static final String VICTIM = "+231770000003";

    @TempDir
    Path dir;

    private MongoServer mongo;
    private Vertx vertx;

    @AfterEach
    void stop() {
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void shouldKeepAMessageWhileMongoIsDownAndAnswerItOnceWhenItIsBack() throws Exception {
        // given: a node on an external MongoDB-compatible server, a conversation begun
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path mongoFile = dir.resolve("external-mongo.mv");
        startMongo(mongoFile, port);
        vertx = Vertx.vertx();
        RecordingAgency agencies = RecordingAgency.start(vertx);
        RecordingSendsms sendsms = new RecordingSendsms(vertx);
        Map<String, String> env = TestNode.env(dir, agencies);
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + port);
        env.put("HOTLINE_MONGO_TIMEOUT", "1s");
        env.put("HOTLINE_KANNEL_INBOUND_KEY", KEY);
        env.put("HOTLINE_KANNEL_PASSWORD", "sendsms-password");
        env.put("HOTLINE_KANNEL_FROM", "1234");
        env.put("HOTLINE_KANNEL_SENDSMS_URL", sendsms.url());
        env.put("HOTLINE_TEXT_OUTBOX_POLL", "100ms");
        try (Hotline hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC())) {
            assertThat(KannelPost.post(hotline.httpPort(), KEY, VICTIM, "g-1", "hello").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> sendsms.textsTo(VICTIM).size() == 1);

            // when: MongoDB is unreachable as the answer arrives
            mongo.shutdownNow();
            HttpResponse<String> kept = KannelPost.post(hotline.httpPort(), KEY, VICTIM, "g-2", "1");

            // then: taken and kept (sealed: neither the number nor the words in clear on disk), not answered yet
            assertThat(kept.statusCode()).isEqualTo(202);
            assertThat(kept.body()).contains("KEPT");
            assertThat(sendsms.textsTo(VICTIM)).hasSize(1);
            try (var files = java.nio.file.Files.walk(dir.resolve("data").resolve("text-journal"))) {
                for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    String raw = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(raw).doesNotContain(VICTIM);
                }
            }

            // when: MongoDB is back, with no redelivery from the gateway
            startMongo(mongoFile, port);

            // then: answered, once; a late redelivery of the same message changes nothing
            await().atMost(Duration.ofSeconds(30)).until(() -> sendsms.textsTo(VICTIM).stream()
                    .anyMatch(t -> t.startsWith("To report a situation")));
            assertThat(KannelPost.post(hotline.httpPort(), KEY, VICTIM, "g-2", "1").body()).contains("DUPLICATE");
            assertThat(sendsms.textsTo(VICTIM).stream().filter(t -> t.startsWith("To report a situation"))).hasSize(1);
        } finally {
            sendsms.close();
            agencies.close();
        }
    }

    private void startMongo(Path file, int port) {
        H2Backend backend = new H2Backend(file.toString());
        mongo = new MongoServer(backend);
        mongo.bind("127.0.0.1", port);
    }
}
