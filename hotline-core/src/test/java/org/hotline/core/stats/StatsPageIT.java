package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.Staff;

/**
 * Renders the statistics page and the monthly report of a running node in headless Chromium (Playwright, driven
 * by {@code src/test/browser/stats.mjs}), signing in through the page. Screenshots and the report's PDF are kept
 * in {@code <build dir>/screenshots/}. Without Chromium, node or playwright-core the test fails on CI
 * ({@code CI=true}) and is skipped elsewhere.
 */
class StatsPageIT {

    @TempDir
    Path dir;

    private StatsNode node;

    @BeforeEach
    void start() {
        BrowserScripts.require();
        node = new StatsNode(dir, Map.of("HOTLINE_STATS_MIN_CELL", "5"));
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldRenderChartsWithSmallCellsHiddenAndSaveScreenshots() throws Exception {
        // given a month with calls, tips (one type below the threshold) and referrals
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String first = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString();
        node.data.calls(9, first + "T09:10:00Z", "COMPLETED", "goodbye");
        node.data.calls(6, first + "T10:10:00Z", "ABANDONED", "ask_region");
        node.data.calls(2, first + "T11:10:00Z", "BUSY", null);
        node.data.tips(8, first + "T09:00:00Z", "forced_labour", "MO", false, true);
        node.data.tips(6, first + "T10:00:00Z", "sexual_exploitation", "BO", true, true);
        node.data.tips(3, first + "T11:00:00Z", "child_labour", "BO", true, true);
        for (int i = 0; i < 6; i++) {
            node.data.referral("tip-" + i, "police", first + "T09:00:00Z", Duration.ofHours(1), Duration.ofMinutes(20 + i));
        }
        Path out = BrowserScripts.screenshots();
        // when
        BrowserScripts.Run run = BrowserScripts.run("stats.mjs", List.of(node.baseUrl(), "sam.supervisor",
                StatsNode.PASSWORD, out.toString(), month), 120, line -> { });
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        // a supervisor's first sign-in: the page shows the new secret once, the code confirms it, recovery codes follow
        assertThat(seen.getJsonObject("signIn").getMap()).containsEntry("enrolled", true)
                .containsEntry("secretShown", true).containsEntry("recoveryCodes", 10);
        assertThat(Staff.factor(node.hotline.httpPort(), "sam.supervisor")).isPresent();
        assertThat(seen.getInteger("bars")).isGreaterThan(5);
        assertThat(seen.getInteger("suppressedMarks")).isPositive();
        assertThat(seen.getJsonArray("typeLabels").getList()).contains("forced_labour", "8", "child_labour", "< 5");
        assertThat(seen.getJsonArray("figures").encode()).contains("17calls", "17tips");
        assertThat(seen.getJsonArray("agencyRows").encode()).contains("POLICE");
        assertThat(seen.getJsonArray("indicators").encode()).contains("Tips received17");
        assertThat(out.resolve("stats.png")).isNotEmptyFile();
        assertThat(out.resolve("report.png")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("report.pdf"), StandardCharsets.ISO_8859_1)).startsWith("%PDF");
    }
}
