package org.hotline.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two running nodes sharing one MongoDB: the first seeds the start-up file as the active version, two
 * administrators sign in to it over HTTP and move version 2026.2 through approval to activation, and a call
 * to the second node, which was never restarted, is routed by 2026.2.
 */
class PathwayNodesIT {

    private static final String PASSWORD = "a long enough password";

    private static final String SERVER_KEY = java.util.Base64.getEncoder().encodeToString(
            "pathway-nodes-it shared server key, 32+ bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private Vertx vertx;
    private WebClient client;
    private RecordingAgency agencies;
    private Hotline nodeA;
    private Hotline nodeB;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        agencies = RecordingAgency.start(vertx);
        Map<String, String> envA = new HashMap<>(TestNode.env(dir.resolve("a"), agencies));
        envA.put("HOTLINE_PATHWAY_POLL", "100ms");
        // nodes of one hotline share the server key (references, audit chain and its sealed head)
        envA.put("HOTLINE_SERVER_KEY", SERVER_KEY);
        nodeA = Hotline.start(HotlineConfig.fromEnv(envA), envA, Clock.systemUTC());
        Map<String, String> envB = new HashMap<>(TestNode.env(dir.resolve("b"), agencies));
        envB.put("HOTLINE_PATHWAY_POLL", "100ms");
        envB.put("HOTLINE_NODE_INDEX", "1");
        envB.put("HOTLINE_SERVER_KEY", SERVER_KEY);
        envB.put("MONGODB_URI", nodeA.mongo().connectionString());
        nodeB = Hotline.start(HotlineConfig.fromEnv(envB), envB, Clock.systemUTC());
        UserAccounts accounts = org.hotline.core.testsupport.Staff.accounts(nodeA.mongo(), nodeA.audit());
        accounts.create("alice", PASSWORD.toCharArray(), Set.of(Role.MINISTRY_ADMIN), Optional.empty(), "test");
        accounts.create("bob", PASSWORD.toCharArray(), Set.of(Role.MINISTRY_ADMIN), Optional.empty(), "test");
    }

    @AfterEach
    void stop() throws Exception {
        nodeB.close();
        nodeA.close();
        agencies.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldRouteCallsOnTheSecondNodeByAVersionActivatedThroughTheFirst() throws Exception {
        // given the start-up file seeded once, and two administrators signed in to node A
        String alice = signIn("alice");
        String bob = signIn("bob");
        JsonObject versions = call(HttpMethod.GET, "/versions", alice, null).bodyAsJsonObject();
        assertThat(versions.getJsonArray("versions")).hasSize(1);
        assertThat(versions.getJsonArray("versions").getJsonObject(0).getString("state")).isEqualTo("ACTIVE");
        String id = call(HttpMethod.POST, "/versions", alice, Buffer.buffer(LifecycleBed.read(LifecycleBed.NATIONAL_V2)))
                .bodyAsJsonObject().getString("id");
        call(HttpMethod.POST, "/versions/" + id + "/submit", alice, new JsonObject().put("reason", "ready"));
        call(HttpMethod.POST, "/versions/" + id + "/approve", bob, new JsonObject().put("reason", "checked"));

        // when
        HttpResponse<Buffer> activated = call(HttpMethod.POST, "/versions/" + id + "/activate", bob,
                new JsonObject().put("reason", "new shelter in Nimba"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(
                call(HttpMethod.GET, "/versions/" + id, alice, null).bodyAsJsonObject().getString("state")));
        CallResult result = new AsteriskSimulator("127.0.0.1", nodeB.agiPort()).call("hotline", Calls.forcedLabourReport());

        // then
        assertThat(activated.statusCode()).isEqualTo(202);
        String reference = result.variables().get("HOTLINE_REFERENCE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document tip = nodeB.mongo().database().getCollection("tips").find(new Document("reference", reference)).first();
            assertThat(tip).isNotNull();
            assertThat(tip.getString("pathwayVersion")).isEqualTo("2026.2");
        });
    }

    private String signIn(String username) throws Exception {
        return org.hotline.core.testsupport.Staff.signIn(nodeA.httpPort(), username, PASSWORD).token();
    }

    private HttpResponse<Buffer> call(HttpMethod method, String path, String token, Object body) throws Exception {
        var request = client.request(method, nodeA.httpPort(), "127.0.0.1", "/api/pathways" + path)
                .bearerTokenAuthentication(token);
        var sent = body == null ? request.send()
                : body instanceof JsonObject json ? request.sendJsonObject(json) : request.sendBuffer((Buffer) body);
        return sent.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
