package org.hotline.ivr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallResult.SessionEnd;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The server over TCP, driven by the Asterisk simulator: every path ends with a status for the dialplan. */
class IvrServerIT {

    @Test
    void shouldRunTheScriptByNameAndKeepItsStatusWhenTheCallCompletes() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(Map.of("journey", TestScripts.journey()))) {
            // when
            CallResult result = fixture.simulator.call("journey", CallerScript.pressing("2", "4567").press("#"));
            // then
            assertThat(result.status()).isEqualTo("DONE");
            assertThat(result.variables()).containsEntry("HOTLINE_REFERENCE", "4729");
            assertThat(result.promptsHeard()).containsExactly("hotline/menu", "hotline/code", "beep");
            assertThat(result.digitsSaid()).containsExactly("4729");
            assertThat(result.violations()).isEmpty();
            assertThat(result.ending()).isEqualTo(SessionEnd.SCRIPT_CLOSED);
            assertThat(result.turnarounds()).hasSameSizeAs(result.exchanges())
                    .allSatisfy(turnaround -> assertThat(turnaround).isPositive());
            assertThat(fixture.observer.outcomes()).containsExactly(SessionOutcome.COMPLETED);
            assertThat(fixture.observer.commands.get()).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void shouldMapByNameIgnoringTheQueryStringAndExposeItToTheScript() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(Map.of("echo", TestScripts.echo()))) {
            // when
            CallResult result = fixture.simulator.call(
                    CallSetup.of("echo?lang=fr&x=1").withArguments("from dialplan"), CallerScript.silent());
            // then
            assertThat(result.variables()).containsEntry("LANG_SEEN", "fr").containsEntry("ARG_SEEN", "from dialplan");
            assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(fixture.observer.started).extracting(CallInfo::script, CallInfo::query)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("echo", "lang=fr&x=1"));
        }
    }

    @Test
    void shouldCountACallAsCompletedWhenTheScriptHangsUpItself() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(Map.of("goodbye", TestScripts.goodbye()))) {
            // when
            CallResult result = fixture.simulator.call("goodbye", CallerScript.silent());
            // then
            assertThat(result.status()).isEqualTo("BYE");
            assertThat(result.scriptHungUp()).isTrue();
            assertThat(result.ending()).isEqualTo(SessionEnd.SCRIPT_HUNG_UP);
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.observer.ended.size() == 1);
            assertThat(fixture.observer.outcomes()).containsExactly(SessionOutcome.COMPLETED);
        }
    }

    @Test
    void shouldSetFailedWithoutStoppingTheServerWhenTheScriptThrows() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(
                Map.of("failing", TestScripts.failing(), "journey", TestScripts.journey()))) {
            // when
            CallResult failed = fixture.simulator.call("failing", CallerScript.silent());
            CallResult next = fixture.simulator.call("journey", CallerScript.pressing("1", "1", "#"));
            // then
            assertThat(failed.status()).isEqualTo(CallStatus.FAILED);
            assertThat(next.status()).isEqualTo("DONE");
            assertThat(fixture.observer.outcomes()).containsExactly(SessionOutcome.FAILED, SessionOutcome.COMPLETED);
        }
    }

    @Test
    void shouldPlayTheUnavailablePromptWhenTheScriptNameIsUnknown() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(Map.of("journey", TestScripts.journey()))) {
            // when
            CallResult result = fixture.simulator.call("no-such-flow?lang=en", CallerScript.silent());
            // then
            assertThat(result.status()).isEqualTo(CallStatus.UNKNOWN_SCRIPT);
            assertThat(result.promptsHeard()).containsExactly(IvrServerConfig.DEFAULT_UNAVAILABLE_PROMPT);
            assertThat(fixture.observer.outcomes()).containsExactly(SessionOutcome.UNKNOWN_SCRIPT);
        }
    }

    @Test
    void shouldSetTheStatusWithoutAPromptWhenTheCallerHungUpBeforeAnUnknownScript() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(Map.of())) {
            // when
            CallResult result = fixture.simulator.call("missing", CallerScript.silent().hangUpNow());
            // then
            assertThat(result.status()).isEqualTo(CallStatus.UNKNOWN_SCRIPT);
            assertThat(result.promptsHeard()).isEmpty();
        }
    }

    @ParameterizedTest(name = "hang-up at command {0}")
    @CsvSource({"1, HANGUP, HUNG_UP", "2, HANGUP, HUNG_UP", "3, HANGUP, HUNG_UP", "4, HANGUP, HUNG_UP",
        "5, DONE, HUNG_UP", "6, DONE, HUNG_UP", "7, DONE, COMPLETED"})
    void shouldEndWithAStatusAndNoFailureWhenTheCallerHangsUpAtAnyCommand(
            int command, String status, SessionOutcome outcome) throws Exception {
        try (ServerFixture fixture = ServerFixture.start(Map.of("journey", TestScripts.journey()))) {
            // when
            CallResult result = fixture.simulator.call("journey",
                    CallerScript.pressing("1", "1234", "#").hangUpAtCommand(command));
            // then: a hang-up before the last media command cuts the journey short (511 on the next prompt);
            // after it the script finishes with its own status, and at the last command it had finished anyway
            assertThat(result.callerHungUp()).isTrue();
            assertThat(result.status()).isEqualTo(status);
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.observer.ended.size() == 1);
            assertThat(fixture.observer.outcomes()).containsExactly(outcome);
            assertThat(fixture.server.activeCalls()).isZero();
        }
    }
}
