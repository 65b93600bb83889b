package org.hotline.core.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole node with a duty officer configured: the danger key rings the officer through AMI. */
class DutyOfficerNodeIT {

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingAgency agencies;
    private AmiSimulator ami;
    private Hotline hotline;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        ami = AmiSimulator.start("hotline-core", "ami-secret-for-tests")
                .onOriginate(action -> org.hotline.core.testsupport.ami.OriginateOutcome.answeredPressing("1"));
        env = new HashMap<>(TestNode.env(dir, agencies));
        env.putAll(Map.of("HOTLINE_AMI_HOST", "127.0.0.1", "HOTLINE_AMI_PORT", String.valueOf(ami.port()),
                "HOTLINE_AMI_USERNAME", "hotline-core", "HOTLINE_AMI_SECRET", "ami-secret-for-tests",
                "HOTLINE_DUTY_OFFICER_CHANNEL", "PJSIP/duty-officer"));
    }

    @AfterEach
    void stop() {
        if (hotline != null) {
            hotline.close();
        }
        ami.close();
        agencies.close();
        vertx.close();
    }

    @Test
    void shouldRingTheDutyOfficerWhenACallerPressesTheDangerKey() {
        // given
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(30)).until(() -> ami.loggedInSessions() == 1);

        // when: English, then 9 during the safety notice
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort())
                .call("hotline", CallerScript.pressing("1").press("9"));

        // then: the caller is sent to emergency and the duty officer's phone rings for that tip
        assertThat(call.variables()).containsEntry("HOTLINE_STATUS", "EMERGENCY");
        String reference = call.variables().get("HOTLINE_REFERENCE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, String>> originates = ami.actions("Originate");
            assertThat(originates).singleElement().satisfies(action -> assertThat(action)
                    .containsEntry("Channel", "PJSIP/duty-officer"));
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document entry = hotline.mongo().database().getCollection("audit_log")
                    .find(new Document("action", "duty_officer.call")).first();
            assertThat(entry).isNotNull();
            assertThat(entry.getString("target")).isEqualTo(reference);
            assertThat(entry.toJson()).contains("Accepted");
        });
        // and every node's half-minute search for stalled rounds goes through an index, not every round ever rung
        assertThat(hotline.mongo().database().getCollection("duty_rounds").listIndexes()
                .map(d -> d.getString("name")).into(new java.util.ArrayList<>())).contains("state_1_leaseUntil_1");
    }

    @Test
    void shouldNotRingForATipWithoutDanger() {
        // given
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(30)).until(() -> ami.loggedInSessions() == 1);

        // when
        new AsteriskSimulator("127.0.0.1", hotline.agiPort()).call("hotline", org.hotline.core.e2e.Calls.forcedLabourReport());

        // then: the referral goes out, and no Originate was asked for
        await().atMost(Duration.ofSeconds(20)).until(() -> !agencies.effectiveDeliveries().isEmpty());
        assertThat(ami.actions("Originate")).isEmpty();
    }

    @Test
    void shouldRingTheDutyOfficerWhenAnOperatorMarksATipAsAnEmergency() throws Exception {
        // given: a report without danger, already referred, and an operator signed in
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(30)).until(() -> ami.loggedInSessions() == 1);
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort())
                .call("hotline", org.hotline.core.e2e.Calls.forcedLabourReport());
        String reference = call.variables().get("HOTLINE_REFERENCE");
        await().atMost(Duration.ofSeconds(20)).until(() -> !agencies.effectiveDeliveries().isEmpty());
        Staff.create(hotline.mongo(), "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
        Staff.Session operator = Staff.signIn(hotline.httpPort(), "olu.operator");

        // when: the operator presses the console's emergency button
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + hotline.httpPort() + "/api/console/tips/" + reference + "/emergency"))
                .header("Authorization", operator.bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"guards are armed\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        // then: the IMMEDIATE referral it creates rings the duty officer like the danger key does
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ami.actions("Originate"))
                .singleElement().satisfies(action -> assertThat(action).containsEntry("Channel", "PJSIP/duty-officer")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document entry = hotline.mongo().database().getCollection("audit_log")
                    .find(new Document("action", "duty_officer.call")).first();
            assertThat(entry).isNotNull();
            assertThat(entry.getString("target")).isEqualTo(reference);
        });
    }

    @Test
    void shouldRefuseADutyOfficerWithoutAmiNamingTheVariable() {
        env.remove("HOTLINE_AMI_USERNAME");
        env.remove("HOTLINE_AMI_SECRET");
        assertThatThrownBy(() -> Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC()))
                .hasMessageContaining("HOTLINE_DUTY_OFFICER_CHANNEL");
    }
}
