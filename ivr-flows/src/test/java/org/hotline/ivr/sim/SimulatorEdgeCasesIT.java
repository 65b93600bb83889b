package org.hotline.ivr.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.ivr.sim.CallResult.SessionEnd;
import org.hotline.ivr.sim.CallResult.Violation;
import org.junit.jupiter.api.Test;

/** Recording endings, full variables, pacing, idle scripts and bad simulator settings. */
class SimulatorEdgeCasesIT {

    @Test
    void shouldEndRecordingsByTimeoutOrHangupAndCheckSyntaxFirstLikeAsterisk() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            // given
            CompletableFuture<CallResult> call = simulator(server, SimulatorOptions.defaults())
                    .callAsync(CallSetup.of("hotline"), CallerScript.silent().silence().hangUp());
            try (AgiPeer peer = AgiPeer.accept(server)) {
                // when / then
                assertThat(peer.send("RECORD FILE /tmp/c wav \"#\" later")).last()
                        .isEqualTo("520 End of proper usage.");
                assertThat(peer.send("RECORD FILE /tmp/a wav \"#\" 5000")).containsExactly(
                        "200 result=0 (timeout) endpos=40000");
                assertThat(peer.send("RECORD FILE /tmp/b wav \"#\" 5000 0 BEEP s=3")).containsExactly(
                        "200 result=-1 (hangup) endpos=3600");
            }
            // then
            CallResult result = call.get(10, TimeUnit.SECONDS);
            assertThat(result.recordings()).extracting(CallResult.Recording::endedBy)
                    .containsExactly("timeout", "hangup");
            assertThat(result.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.BAD_SYNTAX);
        }
    }

    @Test
    void shouldExpandFullVariablesAndChannelFunctions() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            // given
            CallSetup setup = CallSetup.of("hotline").withCallerId("0771000111").withLanguage("es");
            CompletableFuture<CallResult> call = simulator(server, SimulatorOptions.defaults())
                    .callAsync(setup, CallerScript.silent());
            try (AgiPeer peer = AgiPeer.accept(server)) {
                // when / then
                assertThat(peer.send("EXEC Set REGION=MO")).containsExactly("200 result=0");
                assertThat(peer.send("GET FULL VARIABLE \"${REGION}-${CHANNEL(language)}-${NOPE}\""))
                        .containsExactly("200 result=1 (MO-es-)");
                assertThat(peer.send("GET VARIABLE CALLERID(num)")).containsExactly("200 result=1 (0771000111)");
                assertThat(peer.send("CHANNEL STATUS")).containsExactly("200 result=4");
                assertThat(peer.send("answer")).containsExactly("200 result=0");
                assertThat(peer.send("CHANNEL STATUS")).containsExactly("200 result=6");
            }
            assertThat(call.get(10, TimeUnit.SECONDS).variables()).containsEntry("REGION", "MO");
        }
    }

    @Test
    void shouldTakeTheRequestedCallerTimeWhenPacingIsRealistic() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            // given: each prompt plays 100 ms, each key takes 50 ms, silences wait at most 100 ms
            Pacing pacing = Pacing.realistic(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(100));
            CompletableFuture<CallResult> call = simulator(server, SimulatorOptions.defaults().withPacing(pacing))
                    .callAsync(CallSetup.of("hotline"), CallerScript.pressing("1").silence());
            long start = System.nanoTime();
            try (AgiPeer peer = AgiPeer.accept(server)) {
                // when
                peer.send("STREAM FILE notice \"\"");
                peer.send("WAIT FOR DIGIT 5000");
                peer.send("WAIT FOR DIGIT 5000");
            }
            // then: a lower bound only; the time is simulated, not measured for speed
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            assertThat(call.get(10, TimeUnit.SECONDS).exchanges()).hasSize(3);
        }
    }

    @Test
    void shouldGiveUpWhenTheScriptSendsNothingWithinTheIdleTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            // given
            CompletableFuture<CallResult> call = simulator(server,
                    SimulatorOptions.defaults().withIdleTimeout(Duration.ofMillis(200)))
                    .callAsync(CallSetup.of("hotline"), CallerScript.silent());
            try (AgiPeer peer = AgiPeer.accept(server)) {
                // when
                CallResult result = call.get(10, TimeUnit.SECONDS);
                // then
                assertThat(result.ending()).isEqualTo(SessionEnd.IDLE_TIMEOUT);
                assertThat(result.hasViolation(Violation.Kind.IDLE_TIMEOUT)).isTrue();
            }
        }
    }

    @Test
    void shouldRejectBadSimulatorSettings() {
        assertThatThrownBy(() -> new AsteriskSimulator("127.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> SimulatorOptions.defaults().withMaxCommands(0))
                .hasMessageContaining("maxCommands");
        assertThatThrownBy(() -> SimulatorOptions.defaults().withIdleTimeout(Duration.ZERO))
                .hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> Pacing.realistic(Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("perPrompt");
        assertThatThrownBy(() -> CallerScript.silent().hangUpWhenPromptStarts(" "))
                .hasMessageContaining("soundFile");
    }

    private static AsteriskSimulator simulator(ServerSocket server, SimulatorOptions options) {
        return new AsteriskSimulator("127.0.0.1", server.getLocalPort(), options);
    }
}
