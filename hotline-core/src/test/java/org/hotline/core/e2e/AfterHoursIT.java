package org.hotline.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.testsupport.SteppingClock;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A node on the shipped flows with their opening hours (Africa/Monrovia, UTC+0: weekdays 08:00-20:00, Saturday
 * 09:00-13:00, 25 December closed) at a fixed clock: calls over FastAGI, tips in the embedded MongoDB, referrals
 * at agencies' HTTP server, the review queue through the supervisors' API.
 */
class AfterHoursIT {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private RecordingAgency agencies;
    private Hotline hotline;
    private Map<String, String> env;
    private Staff.Session reviewer;

    private void startAt(String instant) {
        agencies = RecordingAgency.start(vertx);
        env = TestNode.env(dir, agencies);
        env.put("HOTLINE_FLOWS_DIR", TestFiles.FLOWS.toString());
        env.put("HOTLINE_TIME_ZONE", "Africa/Monrovia");
        env.put("HOTLINE_TOTP_REQUIRED_ROLES", "none");
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, new SteppingClock(Instant.parse(instant)));
    }

    @AfterEach
    void stop() {
        if (hotline != null) {
            hotline.close();
        }
        if (agencies != null) {
            agencies.close();
        }
        vertx.close();
    }

    @Test
    void shouldRouteAnAfterHoursReportToTheAgenciesItsAnswersCallForAndScheduleTheCallback() throws Exception {
        // given: Tuesday 23:00, operators closed
        startAt("2026-11-24T23:00:00Z");
        CallerScript caller = CallerScript.pressing("1").silence().silence() // English, notice, after-hours notice
                .press("2").press("1").press("2")                            // sexual exploitation, Montserrado, Liberians
                .press("2").press("2")                                       // no child, nobody in danger now
                .press("1").silence().press("#")                             // a recorded message
                .press("1").press("3")                                       // callback in the evening
                .press("1").press("1").press("1")                            // police, services, statistics: yes
                .silence().silence().silence();

        // when
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort()).call("hotline", caller);

        // then: the caller heard a reference; the tip is routed by its answers like a daytime tip
        String reference = call.variables().get("HOTLINE_REFERENCE");
        assertThat(reference).matches("\\d{9}");
        Set<String> expected = Expectations.webhookAgencies(env, "sexual_exploitation", "MO");
        assertThat(expected).contains("lnp-wacps").doesNotContain("nattf");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Expectations.agencyIds(agencies.effectiveDeliveries().values()))
                        .containsExactlyInAnyOrderElementsOf(expected));
        // the police profile carries the recorded message: the caller consented to share their identity
        JsonObject police = agencies.requests().stream().filter(r -> r.path().endsWith("/lnp-wacps"))
                .map(r -> new JsonObject(r.body())).findFirst().orElseThrow();
        assertThat(police.encode()).contains("recording").contains("sexual_exploitation");
        // the callback waits for Wednesday's opening, inside the evening window the caller chose
        Document tip = await().atMost(Duration.ofSeconds(10)).until(() -> tip(reference),
                t -> t != null && t.get("afterHours") != null);
        Document care = tip.get("afterHours", Document.class);
        assertThat(care.getDate("callbackAfter")).isEqualTo(Date.from(Instant.parse("2026-11-25T17:00:00Z")));
        assertThat(care.get("reviewDue")).isNull();
        assertThat(tip.getString("status")).isEqualTo("REFERRED");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-24T07:00:00Z, 2026-11-24T10:00:00Z",   // before the opening: two opening hours from 08:00
        "2026-11-24T23:00:00Z, 2026-11-25T10:00:00Z",   // after the closing: from Wednesday 08:00
        "2026-12-25T10:00:00Z, 2026-12-26T11:00:00Z",   // a holiday: from Saturday 09:00
    })
    void shouldPutASilentClosedHoursCallInTheReviewQueueWithAnOpeningHoursDeadline(String at, String due)
            throws Exception {
        // given
        startAt(at);

        // when: nobody says anything
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort()).call("hotline", CallerScript.silent());

        // then: no operator at this hour, and the supervisors see the call with its deadline
        assertThat(call.status()).isEqualTo("DONE");
        JsonObject entry = await().atMost(Duration.ofSeconds(10)).until(this::firstInReview, e -> e != null);
        assertThat(entry.getString("outcome")).isEqualTo("SILENT");
        assertThat(entry.getBoolean("afterHours")).isTrue();
        assertThat(entry.getString("reviewDue")).isEqualTo(due);
        // a silent call is put through to a person in the day: at night it waits for one
        assertThat(entry.getJsonArray("reasons")).containsExactly("no_report", "person_requested");
        assertThat(agencies.requests()).isEmpty();
    }

    @Test
    void shouldPutACallerWhoWantedAPersonAtNightInTheReviewQueueAndKeepTheTipRouted() throws Exception {
        // given: Tuesday 23:00; the caller chooses English, then cannot answer the first question
        startAt("2026-11-24T23:00:00Z");
        Staff.create(hotline.mongo(), "sia.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
        Staff.Session supervisor = Staff.signIn(hotline.httpPort(), "sia.supervisor");

        // when
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort()).call("hotline",
                CallerScript.pressing("1").silence().silence().silence().silence().silence().silence());

        // then
        assertThat(call.promptsHeard()).doesNotContain("en/hotline/connecting_operator");
        JsonObject entry = await().atMost(Duration.ofSeconds(10)).until(this::firstInReview, e -> e != null);
        assertThat(entry.getJsonArray("reasons")).containsExactly("person_requested");
        assertThat(entry.getString("reviewDue")).isEqualTo("2026-11-25T10:00:00Z");
        // a supervisor's look is recorded; the tip stays with its agencies
        HttpResponse<String> closed = http.send(HttpRequest.newBuilder(uri("/api/supervisor/review/"
                        + entry.getString("reference") + "/close"))
                .header("Authorization", supervisor.bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"called the coordinator at 08:05\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(closed.body()).getString("status")).isEqualTo("REFERRED");
        assertThat(review(supervisor)).isEmpty();
    }

    @Test
    void shouldHandAnInHoursCallToTheOperatorWithoutAnAfterHoursDeadline() throws Exception {
        // given: Tuesday 10:00, open
        startAt("2026-11-24T10:00:00Z");

        // when: the caller says nothing and is put through to a person
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort()).call("hotline", CallerScript.silent());

        // then
        assertThat(call.status()).isEqualTo("OPERATOR");
        JsonObject entry = await().atMost(Duration.ofSeconds(10)).until(this::firstInReview, e -> e != null);
        assertThat(entry.getBoolean("afterHours")).isFalse();
        assertThat(entry.getValue("reviewDue")).isNull();
    }

    private JsonObject firstInReview() throws Exception {
        if (hotline.mongo().database().getCollection("tips").countDocuments(new Document("routed", true)) == 0) {
            return null;
        }
        if (reviewer == null) {
            Staff.create(hotline.mongo(), "rev.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
            reviewer = Staff.signIn(hotline.httpPort(), "rev.supervisor");
        }
        JsonArray tips = review(reviewer);
        return tips.isEmpty() ? null : tips.getJsonObject(0);
    }

    private JsonArray review(Staff.Session supervisor) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/supervisor/review"))
                .header("Authorization", supervisor.bearer()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new JsonObject(response.body()).getJsonArray("tips");
    }

    private Document tip(String reference) {
        return hotline.mongo().database().getCollection("tips").find(new Document("reference", reference)).first();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + hotline.httpPort() + path);
    }
}
