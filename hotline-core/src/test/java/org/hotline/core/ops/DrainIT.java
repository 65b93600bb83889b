package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.NodeProcess;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful stop of a node process, as systemd does it: SIGTERM while a caller is mid-report (held at the
 * first prompt by a relay). The call in
 * progress ends normally with its reference, new calls are refused at the FastAGI port (so Asterisk fails
 * over), {@code /ready} says draining, and the process exits with status 0.
 */
class DrainIT {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void shouldFinishTheCallInProgressRefuseNewCallsAndExitZeroOnSigterm() throws Exception {
        // given: a node with one caller in the middle of a report
        try (RecordingAgency agencies = RecordingAgency.start(vertx)) {
            Map<String, String> env = TestNode.env(dir, agencies);
            env.put("HOTLINE_DRAIN_TIMEOUT", "30s");
            Path log = dir.resolve("node.log");
            try (NodeProcess node = NodeProcess.start(env, log); HeldLine line = new HeldLine(node.agiPort())) {
                AsteriskSimulator caller = new AsteriskSimulator("127.0.0.1", line.port());
                CompletableFuture<CallResult> call = caller.callAsync(CallSetup.of("hotline"), Calls.forcedLabourReport());
                await().atMost(Duration.ofSeconds(10)).pollInSameThread()
                        .untilAsserted(() -> assertThat(activeCalls(node)).isEqualTo(1));

                // when
                node.terminate();

                // then: while the call goes on, the port refuses new calls and /ready says why
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(
                        () -> new Socket("127.0.0.1", node.agiPort()).close()).isInstanceOf(ConnectException.class));
                HttpResponse<String> ready = OpsHttp.get(node.httpPort(), "/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(new JsonObject(ready.body()).getJsonArray("reasons").getList()).contains(Readiness.DRAINING);
                assertThat(call).as("the call was still in progress while the node drained").isNotDone();

                line.release();
                CallResult finished = call.get(30, TimeUnit.SECONDS);
                assertThat(finished.variables().get("HOTLINE_REFERENCE")).matches("\\d{9}");
                assertThat(finished.status()).isNotIn("FAILED", "HANGUP");
                assertThat(node.awaitExit(Duration.ofSeconds(30))).isZero();
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(Files.readString(log)).contains("draining: 1 calls in progress").contains("stopped"));
            }
        }
    }

    private static int activeCalls(NodeProcess node) throws Exception {
        HttpResponse<String> health = OpsHttp.get(node.httpPort(), "/health");
        return new JsonObject(health.body()).getJsonObject("fastagi").getInteger("activeCalls");
    }
}
