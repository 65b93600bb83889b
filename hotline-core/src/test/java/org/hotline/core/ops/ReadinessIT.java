package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /ready} on a running node over HTTP: up, MongoDB lost, draining, and bad settings. */
class ReadinessIT {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private RecordingAgency agencies;

    @BeforeEach
    void startAgencies() {
        agencies = RecordingAgency.start(vertx);
    }

    @AfterEach
    void stop() {
        agencies.close();
        vertx.close();
    }

    @Test
    void shouldAnswer503NamingMongoDbWhenItBecomesUnreachable() throws Exception {
        // given: a node on a MongoDB-compatible server of its own, which then goes away
        MongoStore mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(2));
        Map<String, String> env = TestNode.env(dir, agencies);
        env.put("MONGODB_URI", mongo.connectionString());
        env.put("HOTLINE_MONGO_TIMEOUT", "500ms");
        env.put("HOTLINE_METRICS_SAMPLE_INTERVAL", "200ms");
        try (Hotline node = start(env)) {
            assertThat(OpsHttp.get(node.httpPort(), "/ready").statusCode()).isEqualTo(200);

            // when
            mongo.close();

            // then
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> response = OpsHttp.get(node.httpPort(), "/ready");
                assertThat(response.statusCode()).isEqualTo(503);
                JsonObject body = new JsonObject(response.body());
                assertThat(body.getJsonArray("reasons").getList()).containsExactly("MongoDB is unreachable");
                assertThat(body.getJsonObject("components").getBoolean("mongodb")).isFalse();
                assertThat(body.getJsonObject("components").getBoolean("journal")).isTrue();
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    OpsHttp.metrics(node.httpPort()).body())
                    .contains("hotline_component_up{component=\"mongodb\",} 0.0"));
        }
    }

    @Test
    void shouldAnswer503NamingAmiWhileTheManagerConnectionIsDown() throws Exception {
        // given: AMI configured towards a port where no Asterisk listens
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        Map<String, String> env = TestNode.env(dir, agencies);
        env.put("HOTLINE_AMI_HOST", "127.0.0.1");
        env.put("HOTLINE_AMI_PORT", Integer.toString(closedPort));
        env.put("HOTLINE_AMI_USERNAME", "hotline-node-1");
        env.put("HOTLINE_AMI_SECRET", "not-used");
        env.put("HOTLINE_METRICS_SAMPLE_INTERVAL", "200ms");
        try (Hotline node = start(env)) {
            // when
            HttpResponse<String> response = OpsHttp.get(node.httpPort(), "/ready");

            // then
            assertThat(response.statusCode()).isEqualTo(503);
            JsonObject body = new JsonObject(response.body());
            assertThat(body.getJsonArray("reasons").getList())
                    .containsExactly("the Asterisk manager (AMI) connection is down");
            assertThat(body.getJsonObject("components").getMap()).containsEntry("ami", false)
                    .containsEntry("mongodb", true);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    OpsHttp.metrics(node.httpPort()).body()).contains("hotline_component_up{component=\"ami\",} 0.0"));
        }
    }

    @Test
    void shouldAnswer200WithEveryPartUpThen503AndACloseFastAgiPortWhileDraining() throws Exception {
        // given: a node with every part up
        Hotline node = start(TestNode.env(dir, agencies));
        int agiPort = node.agiPort();
        Thread closer = null;
        try {
            HttpResponse<String> up = OpsHttp.get(node.httpPort(), "/ready");
            assertThat(up.statusCode()).isEqualTo(200);
            JsonObject body = new JsonObject(up.body());
            assertThat(body.getBoolean("ready")).isTrue();
            assertThat(body.getJsonArray("reasons")).isEmpty();
            assertThat(body.getJsonObject("components").getMap())
                    .containsEntry("mongodb", true).containsEntry("journal", true).containsEntry("fastagi", true);

            // when: close() drains; nothing is in progress, so the drain is short
            node.readiness().startDraining();
            HttpResponse<String> response = OpsHttp.get(node.httpPort(), "/ready");

            // then
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(new JsonObject(response.body()).getJsonArray("reasons").getList()).contains(Readiness.DRAINING);
            assertThat(OpsHttp.metrics(node.httpPort()).body()).contains("hotline_draining 1.0");
            closer = Thread.ofPlatform().start(node::close);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThatThrownBy(() -> new Socket("127.0.0.1", agiPort).close()).isInstanceOf(ConnectException.class));
        } finally {
            if (closer == null) {
                node.close();
            } else {
                closer.join(Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void shouldRefuseToStartWithABadDrainTimeoutAndLeaveNothingBehind() {
        // given
        Map<String, String> env = TestNode.env(dir, agencies);
        env.put("HOTLINE_DRAIN_TIMEOUT", "until done");

        // when / then
        assertThatThrownBy(() -> start(env)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HOTLINE_DRAIN_TIMEOUT");
        assertThat(Files.exists(dir.resolve("data/journal"))).isFalse();
    }

    private static Hotline start(Map<String, String> env) {
        return Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
    }
}
