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
 * MongoDB goes away in mid-conversation: the node does not take the message (503), so the gateway keeps it and
 * delivers it again (Kannel's http-request-retry, Telegram's webhook retries); once MongoDB is back the same
 * message is taken in and answered, once.
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
    void shouldRefuseAMessageWhileMongoIsDownAndTakeItsRedeliveryWhenItIsBack() throws Exception {
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
            HttpResponse<String> refused = KannelPost.post(hotline.httpPort(), KEY, VICTIM, "g-2", "1");

            // then: not taken (the gateway keeps it), nothing answered
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(sendsms.textsTo(VICTIM)).hasSize(1);

            // when: MongoDB is back and the gateway delivers the message again
            startMongo(mongoFile, port);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    KannelPost.post(hotline.httpPort(), KEY, VICTIM, "g-2", "1").statusCode() == 202);

            // then: answered, once
            await().atMost(Duration.ofSeconds(10)).until(() -> sendsms.textsTo(VICTIM).stream()
                    .anyMatch(t -> t.startsWith("To report a situation")));
            assertThat(KannelPost.post(hotline.httpPort(), KEY, VICTIM, "g-2", "1").body()).contains("DUPLICATE");
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
