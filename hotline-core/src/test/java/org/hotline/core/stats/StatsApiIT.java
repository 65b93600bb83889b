package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics API of a whole node over HTTP, signed in through the real sign-in. */
class StatsApiIT {

    @TempDir
    Path dir;

    private StatsNode node;
    private String month;
    private String day;

    @BeforeEach
    void start() {
        node = new StatsNode(dir, Map.of("HOTLINE_STATS_MIN_CELL", "5", "HOTLINE_EXPORT_K", "11"));
        month = YearMonth.now(ZoneOffset.UTC).toString();
        day = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString();
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    @Test
    void shouldShowLargeCellsAndHideSmallOnesAsSuppressed() throws Exception {
        // given 6 forced-labour, 5 child-labour and 2 sexual-exploitation tips this month
        node.data.tips(6, day + "T08:00:00Z", "forced_labour", "MO", false, true);
        node.data.tips(5, day + "T08:00:00Z", "child_labour", "MO", false, true);
        node.data.tips(2, day + "T09:00:00Z", "sexual_exploitation", "MO", true, true);
        String token = node.login("sam.supervisor");
        // when
        HttpResponse<String> response = node.get("/api/stats?month=" + month, token);
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject tips = new JsonObject(response.body()).getJsonObject("tips");
        assertThat(tips.getJsonObject("byExploitationType").getJsonObject("forced_labour"))
                .isEqualTo(new JsonObject().put("count", 6));
        assertThat(tips.getJsonObject("byExploitationType").getJsonObject("sexual_exploitation"))
                .isEqualTo(new JsonObject().put("suppressed", true));
        assertThat(tips.getJsonObject("byExploitationType").getJsonObject("child_labour"))
                .isEqualTo(new JsonObject().put("suppressed", true));
        assertThat(tips.getJsonObject("childInvolved")).isEqualTo(new JsonObject().put("suppressed", true));
        assertThat(tips.getJsonObject("childShare")).isEqualTo(new JsonObject().put("suppressed", true));
        assertThat(response.body()).doesNotContain("\"count\":2");
    }

    @Test
    void shouldRefuseStatisticsWithoutSessionOrToAnOperator() throws Exception {
        // given
        String operator = node.login("ana.operator");
        // when / then
        assertThat(node.get("/api/stats", null).statusCode()).isEqualTo(401);
        assertThat(node.get("/api/stats", operator).statusCode()).isEqualTo(403);
        assertThat(node.get("/api/stats/export?format=csv", operator).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRejectBadFiltersAndFormatsWithAllProblemsAndExportNothing() throws Exception {
        // given
        String token = node.login("sam.supervisor");
        // when
        HttpResponse<String> badFilter = node.get("/api/stats?from=yesterday&region=MO%3Bx", token);
        HttpResponse<String> badFormat = node.get("/api/stats/export?format=xlsx", token);
        HttpResponse<String> badExportFilter = node.get("/api/stats/export?format=csv&month=13", token);
        // then
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badFilter.body()).getString("code")).isEqualTo("invalid_filter");
        assertThat(new JsonObject(badFilter.body()).getString("message")).contains("from must be", "region must be");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badFormat.body()).getString("code")).isEqualTo("invalid_format");
        assertThat(badExportFilter.statusCode()).isEqualTo(400);
        assertThat(exportAudits()).isEmpty();
    }

    @Test
    void shouldExportConsentedTipsAsKAnonymousCsvWithSummaryHeadersAndAuditIt() throws Exception {
        // given 12 consented tips in MO, 3 consented in BO, 5 without consent
        node.data.tips(12, day + "T08:00:00Z", "forced_labour", "MO", false, true);
        node.data.tips(3, day + "T08:00:00Z", "forced_labour", "BO", false, true);
        node.data.tips(5, day + "T08:00:00Z", "forced_labour", "MO", false, false);
        String token = node.login("sam.supervisor");
        // when
        HttpResponse<String> csv = node.get("/api/stats/export?format=csv&month=" + month, token);
        HttpResponse<String> json = node.get("/api/stats/export?format=json&month=" + month + "&region=MO", token);
        // then
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("X-Export-Exported")).hasValue("12");
        assertThat(csv.headers().firstValue("X-Export-Suppressed")).hasValue("3");
        assertThat(csv.headers().firstValue("X-Export-Without-Consent")).hasValue("5");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo(String.join(",", ExportRecord.FIELDS));
        assertThat(lines.subList(1, 13)).containsOnly("Unknown,Unknown,Unknown,MO,forced_labour,"
                + month.substring(0, 4) + ",Q" + ((YearMonth.parse(month).getMonthValue() - 1) / 3 + 1)
                + ",ClosedReferred");
        JsonObject summary = new JsonObject(json.body()).getJsonObject("summary");
        assertThat(summary.getInteger("exported")).isEqualTo(12);
        assertThat(summary.getJsonArray("excluded").getJsonObject(0).getLong("records")).isEqualTo(5);
        List<Document> audits = exportAudits();
        assertThat(audits).hasSize(2).allSatisfy(a -> assertThat(a.getString("actor")).isEqualTo(node.supervisorId));
        assertThat(audits.get(0).get("details", Document.class)).containsEntry("format", "csv")
                .containsEntry("exported", "12");
    }

    @Test
    void shouldServeThePagesWithAStrictContentSecurityPolicyAndNoInlineScript() throws Exception {
        // given / when
        HttpResponse<String> page = node.get("/stats/", null);
        HttpResponse<String> report = node.get("/stats/report.html", null);
        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe"));
        for (HttpResponse<String> html : List.of(page, report)) {
            assertThat(html.body()).containsPattern("<script type=\"module\" src=\"[a-z]+\\.js\"></script>")
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain("style=", "http://", "https://");
        }
    }

    private List<Document> exportAudits() {
        return node.hotline.mongo().database().getCollection("audit_log")
                .find(new Document("action", "stats.export")).into(new ArrayList<>());
    }
}
