package org.hotline.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post-contact survey at the end of an SMS report, over HTTP as Kannel's smsbox posts it, with the survey
 * switched on ({@code HOTLINE_SURVEY=on}); the answers reach the survey statistics and nothing that names the
 * sender.
 */
class SurveyConversationIT {

    private static final String KEY = "survey-test-inbound-key";
    private static final String VICTIM = "+231770000009";
    /** A Tuesday 10:00 in Monrovia, when operators are open: the report takes the main menu's path. */
    private static final Instant OPEN = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingAgency agencies;
    private RecordingSendsms sendsms;
    private Hotline hotline;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        sendsms = new RecordingSendsms(vertx);
        Map<String, String> env = TestNode.env(dir, agencies);
        env.put("HOTLINE_KANNEL_INBOUND_KEY", KEY);
        env.put("HOTLINE_KANNEL_PASSWORD", "sendsms-password");
        env.put("HOTLINE_KANNEL_FROM", "1234");
        env.put("HOTLINE_KANNEL_SENDSMS_URL", sendsms.url());
        env.put("HOTLINE_TEXT_OUTBOX_POLL", "100ms");
        env.put("HOTLINE_TEXT_RATE_PER_MINUTE", "60");
        env.put("HOTLINE_SURVEY", "on");
        // the node's clock is set back to an opening hour; a time-based second factor would not match the real time
        env.put("HOTLINE_TOTP_REQUIRED_ROLES", "none");
        Clock system = Clock.systemUTC();
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env,
                Clock.offset(system, Duration.between(system.instant(), OPEN)));
    }

    @AfterEach
    void stop() {
        hotline.close();
        sendsms.close();
        agencies.close();
        vertx.close();
    }

    private void post(int n, String text) {
        HttpResponse<String> response = KannelPost.post(hotline.httpPort(), KEY, VICTIM, "s-" + n, text);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void shouldOfferTheSurveyAfterAnSmsReportAndCountTheAnswersWithoutTheSender() throws Exception {
        // given: hello, English, report, forced labour, Montserrado, another country, no child, no danger,
        // no callback, no police, services yes, statistics yes; then yes to the survey, "partly", "yes"
        List<String> replies = new ArrayList<>(List.of("hello", "1", "1", "1", "1", "3", "2", "2", "2", "2", "1", "1",
                "1", "2", "1"));

        // when
        for (int i = 0; i < replies.size(); i++) {
            post(i, replies.get(i));
        }

        // then
        await().atMost(Duration.ofSeconds(15)).until(() -> sendsms.textsTo(VICTIM).contains("Thank you. Goodbye."));
        assertThat(sendsms.textsTo(VICTIM)).containsSubsequence(
                "Was this conversation helpful? Reply 1 yes, 2 partly, 3 no.",
                "Would you tell someone in trouble to contact this line? Reply 1 yes, 2 no.",
                "Thank you for your answers.", "Thank you. Goodbye.");
        var stored = hotline.mongo().database().getCollection("survey_answers");
        await().atMost(Duration.ofSeconds(5)).until(() -> stored.countDocuments() == 2);
        List<Document> answers = stored.find().into(new ArrayList<>());
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.keySet()).containsExactlyInAnyOrder("_id", "month", "flow", "language", "channel",
                    "question", "answer");
            assertThat(a.toJson()).doesNotContain(VICTIM).doesNotContain("2026-11-24");
            assertThat(a.getString("month")).isEqualTo("2026-11");
            assertThat(a.getString("channel")).isEqualTo("sms");
            assertThat(a.getString("flow")).isEqualTo("survey@1");
        });
        assertThat(answers).extracting(a -> a.getString("question") + "=" + a.getString("answer"))
                .containsExactlyInAnyOrder("helpful=partly", "recommend=yes");
        // the report was handed over once, before the survey (the engine tests show the session keeps no answer)
        assertThat(hotline.mongo().database().getCollection("tips").countDocuments()).isEqualTo(1);

        // and the statistics count them, each a single answer and so shown as "< k"
        Staff.create(hotline.mongo(), "sue.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
        String token = Staff.signIn(hotline.httpPort(), "sue.supervisor").token();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + hotline.httpPort() + "/api/stats/survey?month=2026-11"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject helpful = new JsonObject(response.body()).getJsonObject("byFlow").getJsonObject("survey@1")
                .getJsonObject("helpful");
        assertThat(helpful.getJsonObject("answered").getBoolean("suppressed")).isTrue();
        assertThat(helpful.getJsonObject("answers").getJsonObject("partly").getBoolean("suppressed")).isTrue();
        assertThat(new JsonObject(response.body()).getBoolean("surveyOn")).isTrue();
    }
}
