package org.hotline.ivr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.hotline.ivr.sim.Pacing;
import org.hotline.ivr.sim.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed agi_ blocks and a silent Asterisk end one connection cleanly and never the server. */
class IvrServerBadInputIT {

    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(ServerFixture.TEST_CONFIG.withSocketReadTimeout(Duration.ofMillis(500)),
                Map.of("journey", TestScripts.journey()));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private String validBlock() {
        return CallSetup.of("journey").headerBlock("127.0.0.1", fixture.server.port());
    }

    @Test
    void shouldAnswerBadRequestWithoutRunningAScriptWhenTheBlockHasGarbageLines() {
        // given
        String block = validBlock().replace("agi_context: hotline\n", "agi_context: hotline\nthis is not agi\n\u0001\n");
        // when
        CallResult result = fixture.simulator.callRaw(block, false, CallerScript.pressing("1"));
        // then
        assertThat(result.status()).isEqualTo(CallStatus.BAD_REQUEST);
        assertThat(result.promptsHeard()).isEmpty();
        assertThat(fixture.observer.malformed).singleElement().asString().contains("not an agi_ variable");
        assertThat(fixture.observer.started).isEmpty();
        assertServerStillServes();
    }

    @Test
    void shouldAnswerBadRequestWhenRequiredVariablesAreMissing() {
        // given
        String block = "agi_network: yes\nagi_network_script: journey\nagi_language: en\n\n";
        // when
        CallResult result = fixture.simulator.callRaw(block, false, CallerScript.silent());
        // then
        assertThat(result.status()).isEqualTo(CallStatus.BAD_REQUEST);
        assertThat(fixture.observer.malformed).singleElement().asString().contains("agi_channel");
        assertServerStillServes();
    }

    @Test
    void shouldCloseTheConnectionWhenTheBlockEndsWithoutItsBlankLine() {
        // given: a truncated block, then end of stream
        String block = "agi_network: yes\nagi_network_script: journey\nagi_chan";
        // when
        CallResult result = fixture.simulator.callRaw(block, true, CallerScript.silent());
        // then
        assertThat(result.exchanges()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> !fixture.observer.malformed.isEmpty());
        assertThat(fixture.observer.malformed).singleElement().asString().contains("blank line");
        assertServerStillServes();
    }

    @Test
    void shouldCloseTheConnectionWhenAHeaderLineIsEndless() {
        // given
        String block = "agi_network: yes\nagi_network_script: " + "x".repeat(20_000) + "\n\n";
        // when
        CallResult result = fixture.simulator.callRaw(block, false, CallerScript.silent());
        // then
        assertThat(result.status()).isNull();
        assertThat(fixture.observer.malformed).singleElement().asString().contains("longer than");
        assertServerStillServes();
    }

    @Test
    void shouldEndTheCallAsFailedWhenAsteriskStopsAnswering() throws Exception {
        // given: a peer that sends a proper block and then never replies
        try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
            socket.getOutputStream().write(validBlock().getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            // when
            String first = in.readLine();
            // then
            assertThat(first).isEqualTo("ANSWER");
            await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.observer.ended.isEmpty());
            // and Asterisk, should it come back, still hears how the call ended
            assertThat(in.readLine()).startsWith("SET VARIABLE").contains(CallStatus.VARIABLE, CallStatus.FAILED);
        }
        assertThat(fixture.observer.outcomes()).containsExactly(SessionOutcome.FAILED);
        assertServerStillServes();
    }

    @Test
    void shouldGiveEachReplyTheWholeReadTimeoutNotTheWholeCall() {
        // given: a silent caller whose prompts and silences last 300 ms each against a read timeout of 500 ms, so
        // the call (four of them) outlasts one timeout
        AsteriskSimulator slow = new AsteriskSimulator("127.0.0.1", fixture.server.port(), SimulatorOptions.defaults()
                .withPacing(Pacing.realistic(Duration.ofMillis(300), Duration.ofMillis(10), Duration.ofMillis(300))));
        long start = System.nanoTime();
        // when
        CallResult result = slow.call("journey", CallerScript.silent());
        // then: no reply took longer than the timeout, so none was cut, though the call took longer than one
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(500));
        assertThat(result.status()).isEqualTo("DONE");
        await().atMost(Duration.ofSeconds(5)).until(() -> !fixture.observer.ended.isEmpty());
        assertThat(fixture.observer.outcomes()).containsExactly(SessionOutcome.COMPLETED);
    }

    private void assertServerStillServes() {
        CallResult next = fixture.simulator.call("journey", CallerScript.pressing("1", "1234", "#"));
        assertThat(next.status()).isEqualTo("DONE");
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.server.activeCalls() == 0);
    }
}
