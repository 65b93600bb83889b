package org.hotline.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.auth.Role;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost, nothing sent twice: the node is killed with SIGKILL right after the caller heard the reference. */
class KillNineIT {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void shouldFindTheTipAndDeliverItExactlyOncePerAgencyAfterAKillNineAndRestart() throws Exception {
        // given: agencies that answer slowly, so the kill lands while referrals are being sent
        try (RecordingAgency agencies = RecordingAgency.start(vertx).byDefault(200, Duration.ofMillis(1500))) {
            Map<String, String> env = TestNode.env(dir, agencies);
            NodeProcess first = NodeProcess.start(env, dir.resolve("node-1.log"));
            CallResult call = new AsteriskSimulator("127.0.0.1", first.agiPort()).call("hotline", Calls.forcedLabourReport());
            String reference = call.variables().get("HOTLINE_REFERENCE");
            assertThat(reference).matches("\\d{9}");

            // when
            first.kill();
            try (NodeProcess second = NodeProcess.start(env, dir.resolve("node-2.log"))) {
                // the tip status needs an operator: created in the running node's database, signed in over HTTP
                Staff.create(env, "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
                Staff.Session operator = Staff.signIn(second.httpPort(), "olu.operator");
                // then: the tip is there, and every agency acts on exactly one referral
                Set<String> expected = Expectations.webhookAgencies(env, "forced_labour", "MO");
                await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                    JsonObject tip = tipStatus(second.httpPort(), reference, operator);
                    expected.forEach(agency -> {
                        JsonObject referral = tip.getJsonObject("referrals").getJsonObject(agency);
                        assertThat(referral).as("referral to " + agency).isNotNull();
                        assertThat(referral.getString("state")).isEqualTo("DELIVERED");
                    });
                });
                assertThat(Expectations.agencyIds(agencies.effectiveDeliveries().values()))
                        .containsExactlyInAnyOrderElementsOf(expected);
                agencies.requests().forEach(r -> assertThat(r.body()).contains(reference));
            }
        }
    }

    private JsonObject tipStatus(int port, String reference, Staff.Session operator) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/tips/" + reference))
                .header("Authorization", operator.bearer()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new JsonObject(response.body());
    }
}
