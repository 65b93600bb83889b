package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard and the Prometheus alert rules refer only to metrics a running node exports (scraped
 * over HTTP from {@code /metrics}), and the dashboard shows every hotline metric. When this fails after a
 * metric was added or renamed, update {@code ops/grafana/hotline-dashboard.json} and
 * {@code ops/prometheus/alerts.yml} (plus its tests) with it.
 */
class MonitoringFilesIT {

    private static final Path OPS = TestFiles.REPO.resolve("ops");
    /** Series Prometheus itself adds to every scrape target. */
    private static final Set<String> FROM_PROMETHEUS = Set.of("up");
    private static final Pattern FAMILY = Pattern.compile("(?m)^# TYPE (hotline_\\S+) (\\w+)$");

    @TempDir
    static Path dir;

    private static final Vertx VERTX = Vertx.vertx();
    private static String scrape;

    @BeforeAll
    static void scrapeARunningNode() throws Exception {
        try (RecordingAgency agencies = RecordingAgency.start(VERTX)) {
            Map<String, String> env = TestNode.env(dir, agencies);
            try (Hotline node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC())) {
                var response = OpsHttp.metrics(node.httpPort());
                assertThat(response.statusCode()).isEqualTo(200);
                scrape = response.body();
            }
        }
    }

    @AfterAll
    static void stop() {
        VERTX.close();
    }

    @Test
    void shouldReferOnlyToExportedMetricsInTheDashboard() throws Exception {
        // given
        Set<String> exported = exportedPlusPrometheus();

        // when
        Set<String> referenced = referenced(dashboardQueries());

        // then
        assertThat(referenced).isNotEmpty().allSatisfy(name -> assertThat(exported)
                .as("the dashboard uses %s, which /metrics does not export", name).contains(name));
    }

    @Test
    void shouldReferOnlyToExportedMetricsInTheAlertRules() throws Exception {
        // given
        Set<String> exported = exportedPlusPrometheus();

        // when
        Set<String> referenced = referenced(alertExpressions());

        // then
        assertThat(referenced).contains("hotline_referrals_overdue", "hotline_component_up", "hotline_journal_backlog")
                .allSatisfy(name -> assertThat(exported)
                        .as("alerts.yml uses %s, which /metrics does not export", name).contains(name));
    }

    @Test
    void shouldCountTheRoundTripsTheNodeSendsToMongoDbByCommandAndCollection() {
        // then: the start-up's own index creation on the tips is counted
        assertThat(scrape).containsPattern(
                "hotline_mongodb_commands_total\\{command=\"createIndexes\",collection=\"tips\",\\} [1-9]");
    }

    @Test
    void shouldShowEveryHotlineMetricOnTheDashboard() throws Exception {
        // given
        Set<String> referenced = referenced(dashboardQueries());
        Set<String> families = new TreeSet<>();
        Matcher m = FAMILY.matcher(scrape);
        while (m.find()) {
            if (!m.group(1).endsWith("_created")) { // creation timestamps simpleclient adds to counters/histograms
                families.add(m.group(1));
            }
        }

        // then
        assertThat(families).hasSizeGreaterThan(15).allSatisfy(family -> assertThat(referenced)
                .as("metric %s is exported but not on ops/grafana/hotline-dashboard.json; add a panel", family)
                .anyMatch(name -> name.equals(family) || name.startsWith(family + "_")));
    }

    private static Set<String> exportedPlusPrometheus() {
        Set<String> names = new TreeSet<>(MetricNames.exported(scrape));
        names.addAll(FROM_PROMETHEUS);
        return names;
    }

    private static Set<String> referenced(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        expressions.forEach(e -> names.addAll(MetricNames.referenced(e)));
        return names;
    }

    private static List<String> dashboardQueries() throws Exception {
        JsonObject dashboard = new JsonObject(Files.readString(OPS.resolve("grafana/hotline-dashboard.json")));
        List<String> queries = new ArrayList<>();
        collect(dashboard, queries);
        assertThat(queries).as("queries in the dashboard").hasSizeGreaterThan(20);
        return queries;
    }

    /** Every PromQL string in the dashboard: panel target expressions and templating queries. */
    private static void collect(Object node, List<String> into) {
        if (node instanceof JsonObject object) {
            object.forEach(e -> {
                if (("expr".equals(e.getKey()) || "definition".equals(e.getKey())) && e.getValue() instanceof String s) {
                    into.add(s);
                } else {
                    collect(e.getValue(), into);
                }
            });
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> collect(item, into));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws Exception {
        Map<String, Object> file = new Yaml().load(Files.readString(OPS.resolve("prometheus/alerts.yml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add((String) rule.get("expr"));
            }
        }
        assertThat(expressions).hasSizeGreaterThan(10);
        return expressions;
    }
}
