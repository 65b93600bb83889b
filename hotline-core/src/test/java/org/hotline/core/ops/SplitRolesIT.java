package org.hotline.core.ops;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.Expectations;
import org.hotline.core.e2e.NodeProcess;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.OriginateOutcome;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A split deployment over one MongoDB-compatible server: node A takes calls only ({@code HOTLINE_ROLES=ivr}), node B
 * is the back office ({@code dispatch,web}). A's callers' reports reach the agencies through B, an emergency
 * reaches the police and rings the duty officer from B, A serves no staff API and B no FastAGI, and both answer
 * {@code /health}, {@code /ready} and {@code /metrics}. And a staff-only node ({@code web}) whose referrals a
 * dispatch-only node sends by its outbox poll.
 */
class SplitRolesIT {

    private static final String SERVER_KEY = Base64.getEncoder().encodeToString(
            "a shared server key for both split nodes".getBytes(StandardCharsets.UTF_8));
    /** Nodes sharing a database share the data keys: the back office opens the tips the call-facing node sealed. */
    private static final String DATA_KEYS = "k1:" + Base64.getEncoder().encodeToString(
            "32 bytes of data key for tests!!".getBytes(StandardCharsets.UTF_8));
    private static final String AMI_SECRET = "ami-secret-for-split-roles";

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void shouldTakeCallsOnTheIvrNodeAndRouteAndDispatchThemOnTheBackOfficeNode() throws Exception {
        // given: one MongoDB, agencies, an Asterisk manager for the duty ring; A (ivr) in-process, B (dispatch,web)
        try (MongoStore mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
             RecordingAgency agencies = RecordingAgency.start(vertx);
             AmiSimulator ami = AmiSimulator.start("hotline-core", AMI_SECRET)
                     .onOriginate(action -> OriginateOutcome.answeredPressing("1"))) {
            Map<String, String> envA = nodeEnv("a", 1, mongo, agencies);
            envA.put("HOTLINE_ROLES", "ivr");
            Map<String, String> envB = nodeEnv("b", 2, mongo, agencies);
            envB.put("HOTLINE_ROLES", "dispatch,web");
            envB.put("HOTLINE_DISPATCH_POLL_INTERVAL", "1s"); // the default: the bound an emergency from A waits
            int unboundAgiPort = freePort();
            envB.put("HOTLINE_AGI_PORT", Integer.toString(unboundAgiPort));
            envB.putAll(dutyRing(ami));
            Path logB = dir.resolve("node-b.log");
            try (NodeProcess b = NodeProcess.start(envB, logB);
                 Hotline a = Hotline.start(HotlineConfig.fromEnv(envA), envA, Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> ami.loggedInSessions() == 1);

                // when: a report and an emergency are called in on A
                String report = new AsteriskSimulator("127.0.0.1", a.agiPort()).call("hotline", Calls.forcedLabourReport())
                        .variables().get("HOTLINE_REFERENCE");
                CallResult danger = new AsteriskSimulator("127.0.0.1", a.agiPort())
                        .call("hotline", CallerScript.pressing("1").press("9"));
                long dangerEnded = System.nanoTime();
                String emergency = danger.variables().get("HOTLINE_REFERENCE");

                // then: the report reaches every agency the pathway names, sent by B from A's tip
                assertThat(danger.variables()).containsEntry("HOTLINE_STATUS", "EMERGENCY");
                Set<String> expected = Expectations.webhookAgencies(envA, "forced_labour", "MO");
                var tips = mongo.database().getCollection("tips");
                explained(() -> await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Expectations.agencyIds(
                        agencies.effectiveDeliveries().values().stream().filter(r -> r.body().contains(report)).toList()))
                        .containsExactlyInAnyOrderElementsOf(expected)), mongo, report, logB);
                Document stored = tips.find(eq("reference", report)).first();
                assertThat(stored.getString("node")).as("the tip was taken on A").isEqualTo("node-a");
                assertThat(stored.getString("routingClaimBy")).as("and routed on B").isEqualTo("node-b");
                // B records each attempt once the agency has answered, a moment after the agency has the referral
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.database()
                        .getCollection("referrals").find(eq("reference", report)).into(new ArrayList<>()))
                        .hasSameSizeAs(expected).allSatisfy(r -> assertThat(r.getList("attempts", Document.class))
                                .extracting(d -> d.getString("node")).containsOnly("node-b")));

                // and the emergency reaches the police within B's poll interval and a delivery, and rings the duty officer
                explained(() -> await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(agencies
                        .effectiveDeliveries().values()).anySatisfy(r -> {
                            assertThat(r.path()).endsWith("/lnp-ahtu");
                            assertThat(r.body()).contains(emergency);
                            assertThat(new JsonObject(r.body()).getString("priority")).isEqualTo("IMMEDIATE");
                        })), mongo, emergency, logB);
                long policeAfterMillis = agencies.effectiveDeliveries().values().stream()
                        .filter(r -> r.body().contains(emergency) && r.path().endsWith("/lnp-ahtu"))
                        .mapToLong(r -> (r.receivedNanos() - dangerEnded) / 1_000_000).min().orElseThrow();
                assertThat(policeAfterMillis).as("ms from the end of the danger call to the police's receipt")
                        .isLessThan(10_000);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ami.actions("Originate"))
                        .singleElement().satisfies(o -> assertThat(o).containsEntry("Channel", "PJSIP/duty-officer")));
                assertThat(tips.countDocuments(eq("reference", emergency))).isEqualTo(1);

                // and A serves no staff API (404) but its health, readiness and metrics; B has no FastAGI port
                assertThat(get(a.httpPort(), "/api/tips/" + report, null).statusCode()).isEqualTo(404);
                assertThat(get(a.httpPort(), "/console/", null).statusCode()).isEqualTo(404);
                assertThat(post(a.httpPort(), "/api/auth/login").statusCode()).isEqualTo(404);
                assertHealthyAndScraped(a.httpPort(), true);
                assertThat(b.agiPort()).isZero();
                assertThatThrownBy(() -> new Socket("127.0.0.1", unboundAgiPort).close()).isInstanceOf(ConnectException.class);
                assertThat(Files.readAllLines(logB)).anyMatch(l -> l.contains("ready: FastAGI off")
                        && l.contains("roles dispatch,web"));
                assertHealthyAndScraped(b.httpPort(), false);
                assertThat(post(b.httpPort(), "/api/auth/login").statusCode()).as("B serves the staff API")
                        .isEqualTo(400);
            }
        }
    }

    @Test
    void shouldSendWhatAStaffOnlyNodeStoresThroughTheDispatchNodesOutboxPoll() throws Exception {
        // given: W serves staff only (web, with the Asterisk manager and the duty list), D only dispatches
        try (MongoStore mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
             RecordingAgency agencies = RecordingAgency.start(vertx);
             AmiSimulator ami = AmiSimulator.start("hotline-core", AMI_SECRET)
                     .onOriginate(action -> OriginateOutcome.answeredPressing("1"))) {
            Map<String, String> envW = nodeEnv("w", 1, mongo, agencies);
            envW.put("HOTLINE_ROLES", "web");
            envW.putAll(dutyRing(ami));
            Map<String, String> envD = nodeEnv("d", 2, mongo, agencies);
            envD.put("HOTLINE_ROLES", "dispatch");
            envD.put("HOTLINE_DISPATCH_POLL_INTERVAL", "1s");
            Path logD = dir.resolve("node-d.log");
            try (NodeProcess d = NodeProcess.start(envD, logD);
                 Hotline w = Hotline.start(HotlineConfig.fromEnv(envW), envW, Clock.systemUTC())) {
                Staff.create(mongo, "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
                Staff.Session operator = Staff.signIn(w.httpPort(), "olu.operator");

                // when: the operator files a report on W
                HttpResponse<String> filed = post(w.httpPort(), "/api/console/intake", operator, newReport());
                assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
                String reference = new JsonObject(filed.body()).getString("reference");

                // then: D routes it and sends it
                explained(() -> await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        Expectations.agencyIds(agencies.effectiveDeliveries().values().stream()
                                .filter(r -> r.body().contains(reference)).toList())).contains("mol-labour")),
                        mongo, reference, logD);
                assertThat(mongo.database().getCollection("tips").find(eq("reference", reference)).first()
                        .getString("routingClaimBy")).isEqualTo("node-d");

                // when: the operator marks it an emergency on W, which stores the IMMEDIATE referral in the outbox there
                HttpResponse<String> marked = post(w.httpPort(), "/api/console/tips/" + reference + "/emergency", operator,
                        new JsonObject().put("note", "guards are armed"));
                assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);

                // then: D's outbox poll sends it to the police, and W rang the duty officer as the referral was stored
                explained(() -> await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        mongo.database().getCollection("referrals").find(and(eq("reference", reference),
                                eq("agencyId", "lnp-ahtu"), eq("priority", "IMMEDIATE"), eq("state", "DELIVERED")))
                                .into(new ArrayList<>())).singleElement().satisfies(r -> assertThat(r.getList("attempts",
                                        Document.class)).extracting(a -> a.getString("node")).containsOnly("node-d"))),
                        mongo, reference, logD);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ami.actions("Originate"))
                        .singleElement().satisfies(o -> assertThat(o).containsEntry("Channel", "PJSIP/duty-officer")));
                assertHealthyAndScraped(w.httpPort(), false);
                assertThat(w.agiPort()).isZero();
                assertThat(get(d.httpPort(), "/api/tips/" + reference, null).statusCode()).isEqualTo(404);
            }
        }
    }

    private static JsonObject newReport() {
        return new JsonObject().put("language", "en").put("callerRole", "witness")
                .put("exploitationType", "forced_labour").put("region", "MO").put("childInvolved", false)
                .put("immediateDanger", false).put("narrative", "workers cannot leave the camp")
                .put("victims", new JsonObject().put("count", 3).put("ageGroup", "adult_18_25").put("gender", "male")
                        .put("nationality", "LR"))
                .put("consents", new JsonObject().put("record", false).put("callback", false)
                        .put("share_identity_police", false).put("share_services", true).put("statistics", true));
    }

    private HttpResponse<String> post(int port, String path, Staff.Session by, JsonObject body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", by.bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertHealthyAndScraped(int port, boolean runsFastAgi) throws Exception {
        HttpResponse<String> health = get(port, "/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonObject body = new JsonObject(health.body());
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(body.getJsonObject("fastagi").containsKey("listening")).isEqualTo(runsFastAgi);
        HttpResponse<String> ready = get(port, "/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        HttpResponse<String> metrics = get(port, "/metrics", "Bearer " + TestNode.METRICS_TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hotline_");
    }

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The Asterisk manager and a one-officer duty list. */
    private static Map<String, String> dutyRing(AmiSimulator ami) {
        return Map.of("HOTLINE_AMI_HOST", "127.0.0.1", "HOTLINE_AMI_PORT", String.valueOf(ami.port()),
                "HOTLINE_AMI_USERNAME", "hotline-core", "HOTLINE_AMI_SECRET", AMI_SECRET,
                "HOTLINE_DUTY_OFFICER_CHANNEL", "PJSIP/duty-officer");
    }

    private Map<String, String> nodeEnv(String name, int index, MongoStore mongo, RecordingAgency agencies) {
        Map<String, String> env = new HashMap<>(TestNode.env(dir.resolve(name), agencies));
        env.put("MONGODB_URI", mongo.connectionString());
        env.put("HOTLINE_NODE_ID", "node-" + name);
        env.put("HOTLINE_NODE_INDEX", Integer.toString(index));
        env.put("HOTLINE_SERVER_KEY", SERVER_KEY);
        env.put("HOTLINE_DATA_KEYS", DATA_KEYS);
        return env;
    }

    /** Runs an await; on a time-out says what the tip, its referrals and node B looked like (else a failure is blind). */
    private static void explained(Runnable await, MongoStore mongo, String reference, Path logB) {
        try {
            await.run();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("tip " + reference + " did not reach its agencies; tip: "
                    + mongo.database().getCollection("tips").find(eq("reference", reference)).projection(
                            new Document("status", 1).append("routed", 1).append("outcome", 1).append("routingClaimBy", 1))
                            .first()
                    + "; referrals: " + mongo.database().getCollection("referrals").find(eq("reference", reference))
                            .projection(new Document("state", 1).append("agencyId", 1)).into(new ArrayList<>())
                    + "; node B log ends: " + tail(logB), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
