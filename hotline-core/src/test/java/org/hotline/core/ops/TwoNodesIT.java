package org.hotline.core.ops;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.Expectations;
import org.hotline.core.e2e.NodeProcess;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hotline nodes against one MongoDB-compatible server: both take calls (Asterisk spreads them), both
 * dispatch from the shared outbox through atomic claims, and when one node process is SIGKILLed while it
 * is sending, the other takes over its expired leases: every agency acts on exactly one copy per tip.
 */
class TwoNodesIT {

    private static final String SERVER_KEY = Base64.getEncoder().encodeToString(
            "a shared server key for both test nodes!".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void shouldShareCallsAndDispatchAndLoseNothingNorSendTwiceWhenANodeIsKilledMidDispatch() throws Exception {
        // given: one shared MongoDB, agencies that take 1 s to answer, node A in-process and node B in a process
        try (MongoStore mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
             RecordingAgency agencies = RecordingAgency.start(vertx).byDefault(200, Duration.ofMillis(1000))) {
            Map<String, String> envA = nodeEnv("a", 1, mongo, agencies);
            // Node A searches the outbox once a second (not every 100 ms): it still takes over node B's expired
            // lease soon after, but seldom claims B's new referrals in the milliseconds before B does.
            envA.put("HOTLINE_DISPATCH_POLL_INTERVAL", "1s");
            Map<String, String> envB = nodeEnv("b", 2, mongo, agencies);
            NodeProcess b = NodeProcess.start(envB, dir.resolve("node-b.log"));
            try (Hotline a = Hotline.start(HotlineConfig.fromEnv(envA), envA, Clock.systemUTC())) {
                // when: calls arrive at both nodes, and node B dies while it holds a referral in flight
                List<String> references = new ArrayList<>();
                for (int port : new int[] {a.agiPort(), b.agiPort(), b.agiPort()}) {
                    CallResult call = new AsteriskSimulator("127.0.0.1", port).call("hotline", Calls.forcedLabourReport());
                    references.add(call.variables().get("HOTLINE_REFERENCE"));
                }
                var referrals = mongo.database().getCollection("referrals");
                AtomicReference<Document> held = new AtomicReference<>();
                try {
                    await().atMost(Duration.ofSeconds(20)).until(() -> {
                        held.set(referrals.find(and(eq("state", "SENDING"), eq("leaseOwner", "node-b")))
                                .into(new ArrayList<>()).stream()
                                .filter(r -> requestsWithKey(agencies, r.getString("idempotencyKey")) > 0)
                                .findFirst().orElse(null));
                        return held.get() != null;
                    });
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    // Say what the outbox and node B looked like: a timing failure here is otherwise blind.
                    throw new AssertionError("no referral seen in flight on node B; referrals: "
                            + referrals.find().projection(new Document("state", 1).append("leaseOwner", 1)
                                    .append("attempts.node", 1)).into(new ArrayList<>())
                            + "; node B log ends: " + tail(dir.resolve("node-b.log")), e);
                }
                b.kill();

                // then: calls taken on both nodes became distinct, durable tips
                assertThat(references).hasSize(3).doesNotContainNull().doesNotHaveDuplicates()
                        .allMatch(r -> r.matches("\\d{9}"));
                var tips = mongo.database().getCollection("tips");
                assertThat(tips.distinct("node", String.class).into(new ArrayList<>()))
                        .containsExactlyInAnyOrder("node-a", "node-b");

                // and every referral is delivered, exactly one effective copy per tip and agency
                Set<String> agenciesPerTip = Expectations.webhookAgencies(envA, "forced_labour", "MO");
                await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                    List<Document> all = referrals.find().into(new ArrayList<>());
                    assertThat(all).hasSize(references.size() * agenciesPerTip.size())
                            .allSatisfy(r -> assertThat(r.getString("state")).as(r.getString("_id")).isEqualTo("DELIVERED"));
                });
                Map<String, Long> copies = agencies.effectiveDeliveries().values().stream()
                        .collect(Collectors.groupingBy(r -> reference(r.body(), references) + "->"
                                + r.path().substring(r.path().lastIndexOf('/') + 1), Collectors.counting()));
                assertThat(copies).hasSize(references.size() * agenciesPerTip.size()).allSatisfy((key, n) ->
                        assertThat(n).as(key).isEqualTo(1L));
                Document taken = referrals.find(eq("_id", held.get().getString("_id"))).first();
                List<Document> attempts = taken.getList("attempts", Document.class);
                assertThat(attempts.getLast().getString("node")).as("node A finished what node B held").isEqualTo("node-a");
                assertThat(requestsWithKey(agencies, held.get().getString("idempotencyKey")))
                        .as("node B's cut-off request was resent under the same key").isGreaterThanOrEqualTo(2);
            } finally {
                b.close();
            }
        }
    }

    private Map<String, String> nodeEnv(String name, int index, MongoStore mongo, RecordingAgency agencies) {
        Map<String, String> env = new HashMap<>(TestNode.env(dir.resolve(name), agencies));
        env.put("MONGODB_URI", mongo.connectionString());
        env.put("HOTLINE_NODE_ID", "node-" + name);
        env.put("HOTLINE_NODE_INDEX", Integer.toString(index));
        env.put("HOTLINE_SERVER_KEY", SERVER_KEY);
        return env;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static long requestsWithKey(RecordingAgency agencies, String key) {
        return agencies.requests().stream().filter(r -> key.equals(r.header("Idempotency-Key"))).count();
    }

    private static String reference(String body, List<String> references) {
        return references.stream().filter(body::contains).findFirst().orElse("no-reference");
    }
}
