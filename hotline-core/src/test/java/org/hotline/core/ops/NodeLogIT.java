package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.core.node.HotlineMain;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.Expectations;
import org.hotline.core.e2e.NodeProcess;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator reads from a node's output: one line per meaningful event (start-up, a call's outcome and
 * reference, each referral's delivery), no library chatter, no stack trace for an expected condition.
 */
class NodeLogIT {

    private static final int MOST_LINES = 15;

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void shouldLogAStartUpACallAndItsDeliveriesInAFewLinesWithoutStackTraces() throws Exception {
        try (RecordingAgency agencies = RecordingAgency.start(vertx)) {
            // given
            Map<String, String> env = TestNode.env(dir, agencies);
            Set<String> expected = Expectations.webhookAgencies(env, "forced_labour", "MO");
            Path log = dir.resolve("node.log");
            try (NodeProcess node = NodeProcess.start(env, log)) {
                // when: one call, and its referrals delivered
                CallResult call = new AsteriskSimulator("127.0.0.1", node.agiPort()).call("hotline", Calls.forcedLabourReport());
                String reference = call.variables().get("HOTLINE_REFERENCE");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Files.readAllLines(log))
                        .filteredOn(l -> l.contains("delivered to")).hasSameSizeAs(expected));

                // then
                List<String> lines = Files.readAllLines(log);
                assertThat(lines).as(String.join("\n", lines)).hasSizeLessThanOrEqualTo(MOST_LINES)
                        .noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"))
                        .noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                        .noneMatch(l -> l.contains("now routes new tips"));
                assertThat(lines).anyMatch(l -> l.contains("ready: FastAGI on 127.0.0.1:" + node.agiPort())
                        && l.contains("HTTP on http://127.0.0.1:" + node.httpPort()) && l.contains("pathway national v")
                        && l.contains("data in " + dir.resolve("data")) && l.contains("demo mode off"));
                assertThat(lines).anyMatch(l -> l.contains("FastAGI server listening on 127.0.0.1:" + node.agiPort()));
                assertThat(lines).anyMatch(l -> l.contains("Tip " + reference + " accepted (outcome COMPLETED"));
                expected.forEach(agency -> assertThat(lines)
                        .anyMatch(l -> l.contains("for tip " + reference + " delivered to " + agency + " by webhook")));
            }
        }
    }

    @Test
    void shouldWriteOneJsonObjectPerLineWhenAskedTo() throws Exception {
        try (RecordingAgency agencies = RecordingAgency.start(vertx)) {
            // given
            Map<String, String> env = new HashMap<>(TestNode.env(dir, agencies));
            env.put("HOTLINE_LOG_FORMAT", "json");
            Path log = dir.resolve("node.log");

            // when
            try (NodeProcess node = NodeProcess.start(env, log)) {
                // then: every log line is an object with the fields a shipper indexes
                List<String> logged = Files.readAllLines(log).stream().filter(l -> !l.startsWith("hotline: ")).toList();
                assertThat(logged).isNotEmpty();
                logged.forEach(line -> assertThat(new JsonObject(line).fieldNames())
                        .contains("time", "level", "thread", "logger", "message"));
                assertThat(logged).anyMatch(l -> new JsonObject(l).getString("message").contains("ready: FastAGI on"));
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"HOTLINE_AGI_PORT, FastAGI", "HOTLINE_EMBEDDED_MONGO_PORT, Embedded MongoDB"})
    void shouldSayInOneLineWhichPortIsTakenAndWhichVariableMovesIt(String variable, String what) throws Exception {
        try (RecordingAgency agencies = RecordingAgency.start(vertx);
             ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // given: the port that variable sets is taken (the embedded database's too: no external MongoDB)
            Map<String, String> env = new HashMap<>(TestNode.env(dir, agencies));
            env.remove("MONGODB_URI");
            env.put(variable, String.valueOf(taken.getLocalPort()));

            // when
            Result result = runNode(env);

            // then
            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.output()).contains("hotline: cannot start: " + what + " port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use").contains(variable)
                    .doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void shouldRefuseToStartOnAnUnknownLogLevelNamingTheVariable() throws Exception {
        try (RecordingAgency agencies = RecordingAgency.start(vertx)) {
            Map<String, String> env = new HashMap<>(TestNode.env(dir, agencies));
            env.put("HOTLINE_LOG_LEVEL", "loud");

            Result result = runNode(env);

            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.output()).contains("hotline: cannot start: HOTLINE_LOG_LEVEL must be one of")
                    .contains("'loud'");
        }
    }

    private record Result(int exit, String output) {}

    private static Result runNode(Map<String, String> env) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), HotlineMain.class.getName())).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the node neither started nor stopped: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
