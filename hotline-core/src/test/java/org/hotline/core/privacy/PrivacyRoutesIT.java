package org.hotline.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.testsupport.AuditScan;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legal hold and the child-callback decision over HTTP on a whole node: stored, audited, bad input refused. */
class PrivacyRoutesIT {

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingAgency agencies;
    private Hotline hotline;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        Map<String, String> env = TestNode.env(dir, agencies);
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        hotline.close();
        agencies.close();
        vertx.close();
    }

    @Test
    void shouldPutATipOnLegalHoldWithAReasonAndRefuseBadRequestsWithoutChange() throws Exception {
        // given
        Staff.create(hotline.mongo(), "sam.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
        Staff.Session sam = Staff.signIn(hotline.httpPort(), "sam.supervisor");
        String reference = new AsteriskSimulator("127.0.0.1", hotline.agiPort()).call("hotline", Calls.forcedLabourReport())
                .variables().get("HOTLINE_REFERENCE");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> tip(reference) != null);

        // when / then: bad input changes nothing
        assertThat(post(sam, reference, "legal-hold", "{oops").statusCode()).isEqualTo(400);
        assertThat(post(sam, reference, "legal-hold", "{\"reason\":\"court order\"}").statusCode()).isEqualTo(400);
        assertThat(post(sam, "999999999", "legal-hold", "{\"hold\":true,\"reason\":\"court order\"}").statusCode())
                .isIn(400, 404);
        assertThat(tip(reference).get("legalHold")).isNull();

        // when: a proper decision
        HttpResponse<String> held = post(sam, reference, "legal-hold", "{\"hold\":true,\"reason\":\"court order 12/2026\"}");

        // then
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        assertThat(new JsonObject(held.body()).getBoolean("applied")).isTrue();
        assertThat(tip(reference).getBoolean("legalHold")).isTrue();
        assertThat(hotline.mongo().database().getCollection("audit_log").countDocuments(
                new Document("target", reference).append("actor", sam.userId()))).isPositive();
        assertThat(AuditScan.entriesHolding(hotline.mongo().database(), "court order")).isEmpty();

        // and: an adult tip needs no child-callback decision, which is refused with the reason
        HttpResponse<String> child = post(sam, reference, "child-callback", "{\"reason\":\"asked by the aunt\"}");
        assertThat(child.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(child.body()).getString("code")).isEqualTo("decision_refused");
    }

    @Test
    void shouldLetAnOperatorReopenAFollowUpLockedByWrongPinsAfterCheckingTheCaller() throws Exception {
        // given: a reported tip, then a stranger's call with three wrong PINs locks its follow-up
        Staff.create(hotline.mongo(), "ana.operator", Set.of(Role.OPERATOR), Optional.empty());
        Staff.Session ana = Staff.signIn(hotline.httpPort(), "ana.operator");
        AsteriskSimulator asterisk = new AsteriskSimulator("127.0.0.1", hotline.agiPort());
        String reference = asterisk.call("hotline", Calls.forcedLabourReport()).variables().get("HOTLINE_REFERENCE");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> tip(reference) != null);
        assertThat(asterisk.call("followup", wrongPins(reference, "1111", "2222", "3333")).promptsHeard())
                .contains("en/hotline/fu_locked");
        assertThat(asterisk.call("followup", wrongPins(reference, "4444")).promptsHeard())
                .contains("en/hotline/fu_locked").doesNotContain("en/hotline/fu_wrong_pin");

        // when: the operator has checked the caller on the phone
        HttpResponse<String> unchecked = post(ana, reference, "followup/reopen", "{}");
        HttpResponse<String> reopened = post(ana, reference, "followup/reopen", "{\"callerChecked\":true}");

        // then: PINs are checked again at once, and the reopening is audited
        assertThat(unchecked.statusCode()).isEqualTo(400);
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(new JsonObject(reopened.body()).getBoolean("wasLocked")).isTrue();
        assertThat(asterisk.call("followup", wrongPins(reference, "4444")).promptsHeard())
                .contains("en/hotline/fu_wrong_pin");
        assertThat(hotline.mongo().database().getCollection("audit_log").countDocuments(new Document("target", reference)
                .append("actor", ana.userId()).append("action", "followup.reopened"))).isEqualTo(1);
    }

    /** A follow-up call in English entering {@code reference} and then each PIN in turn. */
    private static org.hotline.ivr.sim.CallerScript wrongPins(String reference, String... pins) {
        org.hotline.ivr.sim.CallerScript script = org.hotline.ivr.sim.CallerScript.pressing("1", reference + "#");
        for (String pin : pins) {
            script = script.press(pin).silence();
        }
        return script;
    }

    private Document tip(String reference) {
        return hotline.mongo().database().getCollection("tips").find(new Document("reference", reference)).first();
    }

    private HttpResponse<String> post(Staff.Session who, String reference, String action, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.httpPort() + "/api/tips/"
                        + reference + "/" + action)).header("Authorization", "Bearer " + who.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
