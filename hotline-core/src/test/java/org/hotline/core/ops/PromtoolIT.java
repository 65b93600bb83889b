package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.core.e2e.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Prometheus configuration passes {@code promtool}: syntax and rule checks, and the alert unit
 * tests in {@code ops/prometheus/alerts_test.yml}. On CI ({@code CI=true}) a missing promtool is a failure,
 * not a skip, so the alerts cannot go unchecked; {@code .ci/run} installs it (Debian package prometheus).
 */
class PromtoolIT {

    private static final Path PROMETHEUS = TestFiles.REPO.resolve("ops/prometheus");
    private static Path promtool;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPromtool() {
        promtool = onPath("promtool");
        if (promtool == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("promtool is not on PATH; CI must install it (apt-get install -y prometheus, see .ci/run)");
            }
            Assumptions.abort("promtool is not installed here (apt-get install -y prometheus); CI runs this check");
        }
    }

    @Test
    void shouldAcceptTheAlertRulesAndTheScrapeConfig() throws Exception {
        // when
        Result rules = promtool("check", "rules", PROMETHEUS.resolve("alerts.yml").toString());
        Result config = promtool("check", "config", "--syntax-only", PROMETHEUS.resolve("prometheus.yml").toString());

        // then
        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(rules.output()).contains("SUCCESS");
        assertThat(config.exitCode()).as(config.output()).isZero();
    }

    @Test
    void shouldPassTheAlertUnitTests() throws Exception {
        // when
        Result tests = promtool("test", "rules", PROMETHEUS.resolve("alerts_test.yml").toString());

        // then
        assertThat(tests.exitCode()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void shouldRejectARuleFileWithABrokenExpression() throws Exception {
        // given: the shipped rules with one expression broken
        String rules = Files.readString(PROMETHEUS.resolve("alerts.yml"));
        String broken = rules.replaceFirst("hotline_component_up\\{job=\"hotline\", component=\"ami\"} == 0",
                "hotline_component_up{job=\"hotline\", component=\"ami\" == 0");
        assertThat(broken).isNotEqualTo(rules);
        Path file = Files.writeString(dir.resolve("alerts.yml"), broken);

        // when
        Result result = promtool("check", "rules", file.toString());

        // then
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("HotlineAmiDisconnected");
    }

    @Test
    void shouldFailAnAlertTestWhoseExpectationIsWrong() throws Exception {
        // given: the shipped tests expecting the danger alert one sample too early
        Files.copy(PROMETHEUS.resolve("alerts.yml"), dir.resolve("alerts.yml"));
        String tests = Files.readString(PROMETHEUS.resolve("alerts_test.yml"));
        String wrong = tests.replaceFirst("values: '0 1 1'", "values: '0 0 1'");
        assertThat(wrong).isNotEqualTo(tests);
        Path file = Files.writeString(dir.resolve("alerts_test.yml"), wrong);

        // when
        Result result = promtool("test", "rules", file.toString());

        // then
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("HotlineDangerReferralUnacknowledged");
    }

    private record Result(int exitCode, String output) {}

    private Result promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool did not finish: " + command);
        }
        return new Result(process.exitValue(), output);
    }

    private static Path onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry).resolve(name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
