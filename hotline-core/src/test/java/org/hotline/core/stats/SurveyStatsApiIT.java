package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.hotline.ivr.SurveyAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Survey answers stored by {@link SurveyLog} and published by {@code GET /api/stats/survey}, small cells hidden. */
class SurveyStatsApiIT {

    @TempDir
    Path dir;

    private StatsNode node;

    @BeforeEach
    void start() {
        node = new StatsNode(dir, Map.of("HOTLINE_STATS_MIN_CELL", "5", "HOTLINE_SURVEY", "on"));
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    private void answer(String month, String channel, String question, String answer, int times) {
        SurveyLog log = new SurveyLog(node.hotline.mongo(),
                Clock.fixed(Instant.parse(month + "-15T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);
        for (int i = 0; i < times; i++) {
            log.record(new SurveyAnswer("survey@1", "en", channel, question, answer));
        }
    }

    private JsonObject survey(String query) throws Exception {
        HttpResponse<String> response = node.get("/api/stats/survey?" + query, node.login("sam.supervisor"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    @Test
    void shouldCountAnswersPerQuestionAndHideSmallCellsAndTheCellThatWouldGiveThemAway() throws Exception {
        // given: in November 6 yes, 5 partly, 2 no (by voice and SMS); 7 answers in October
        answer("2026-11", "voice", "helpful", "yes", 4);
        answer("2026-11", "sms", "helpful", "yes", 2);
        answer("2026-11", "voice", "helpful", "partly", 5);
        answer("2026-11", "voice", "helpful", "no", 2);
        answer("2026-10", "voice", "helpful", "no", 7);
        await().atMost(Duration.ofSeconds(5)).until(() -> node.hotline.mongo().database()
                .getCollection(SurveyLog.SURVEY_ANSWERS).countDocuments() == 20);

        // when
        JsonObject stats = survey("month=2026-11");

        // then: 2 "no" is hidden; with the total shown it could be worked out, so the smallest other (5) is too
        JsonObject helpful = stats.getJsonObject("byFlow").getJsonObject("survey@1").getJsonObject("helpful");
        assertThat(helpful.getJsonObject("answered").getLong("count")).isEqualTo(13);
        assertThat(helpful.getJsonObject("answers").getJsonObject("yes").getLong("count")).isEqualTo(6);
        assertThat(helpful.getJsonObject("answers").getJsonObject("no").getBoolean("suppressed")).isTrue();
        assertThat(helpful.getJsonObject("answers").getJsonObject("partly").getBoolean("suppressed")).isTrue();
        assertThat(stats.getString("fromMonth")).isEqualTo("2026-11");
        assertThat(stats.getInteger("minCell")).isEqualTo(5);
        assertThat(stats.getBoolean("surveyOn")).isTrue();
    }

    @Test
    void shouldCoverTheWholeMonthsOfADayRange() throws Exception {
        // given
        answer("2026-10", "voice", "recommend", "yes", 5);
        answer("2026-11", "chat", "recommend", "yes", 6);
        await().atMost(Duration.ofSeconds(5)).until(() -> node.hotline.mongo().database()
                .getCollection(SurveyLog.SURVEY_ANSWERS).countDocuments() == 11);

        // when: a range of a few days in each month
        JsonObject stats = survey("from=2026-10-30&to=2026-11-02");

        // then
        assertThat(stats.getString("fromMonth")).isEqualTo("2026-10");
        assertThat(stats.getString("toMonth")).isEqualTo("2026-11");
        assertThat(stats.getJsonObject("byFlow").getJsonObject("survey@1").getJsonObject("recommend")
                .getJsonObject("answered").getLong("count")).isEqualTo(11);
    }

    @Test
    void shouldRefuseARegionFilterAndStaffWithoutStatisticsRights() throws Exception {
        // when
        HttpResponse<String> region = node.get("/api/stats/survey?region=MO", node.login("sam.supervisor"));
        HttpResponse<String> operator = node.get("/api/stats/survey", node.login("ana.operator"));

        // then
        assertThat(region.statusCode()).isEqualTo(400);
        assertThat(region.body()).contains("survey answers carry no region");
        assertThat(operator.statusCode()).isEqualTo(403);
    }
}
