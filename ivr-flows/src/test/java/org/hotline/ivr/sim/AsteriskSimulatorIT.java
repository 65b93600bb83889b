package org.hotline.ivr.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.ivr.sim.CallResult.SessionEnd;
import org.hotline.ivr.sim.CallResult.Violation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the simulator from the script side of a real socket and checks it answers like Asterisk 22. */
class AsteriskSimulatorIT {

    private static final String ALL_KEYS = "\"0123456789#*\"";

    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private CompletableFuture<CallResult> place(CallSetup setup, CallerScript caller) {
        return simulator(SimulatorOptions.defaults()).callAsync(setup, caller);
    }

    private AsteriskSimulator simulator(SimulatorOptions options) {
        return new AsteriskSimulator("127.0.0.1", server.getLocalPort(), options);
    }

    private static CallResult ended(CompletableFuture<CallResult> call) throws Exception {
        return call.get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldSendTheAgiHeaderBlockLikeAsteriskWhenACallStarts() throws Exception {
        // given
        CallSetup setup = CallSetup.of("hotline?lang=fr").withArguments("first arg", "2").withCallerId("0771234567");
        CompletableFuture<CallResult> call = place(setup, CallerScript.silent());
        // when
        Map<String, String> header;
        try (AgiPeer peer = AgiPeer.accept(server)) {
            header = Map.copyOf(peer.header());
        }
        // then
        assertThat(header)
                .containsEntry("agi_network", "yes")
                .containsEntry("agi_network_script", "hotline?lang=fr")
                .containsEntry("agi_request", "agi://127.0.0.1:" + server.getLocalPort() + "/hotline?lang=fr")
                .containsEntry("agi_channel", setup.channel())
                .containsEntry("agi_uniqueid", setup.uniqueId())
                .containsEntry("agi_callerid", "0771234567")
                .containsEntry("agi_language", "en")
                .containsEntry("agi_context", "hotline")
                .containsEntry("agi_extension", "1234")
                .containsEntry("agi_priority", "2")
                .containsEntry("agi_version", "22.10.1")
                .containsEntry("agi_arg_1", "first arg")
                .containsEntry("agi_arg_2", "2");
        assertThat(ended(call).ending()).isEqualTo(SessionEnd.SCRIPT_CLOSED);
    }

    @Test
    void shouldAnswerPromptsAndInputLikeAsteriskWhenTheCallerPresses() throws Exception {
        // given
        CompletableFuture<CallResult> call = place(CallSetup.of("hotline"),
                CallerScript.pressing("5", "7", "4567", "12#", "#").silence().silence());
        try (AgiPeer peer = AgiPeer.accept(server)) {
            // when / then
            assertThat(peer.send("ANSWER")).containsExactly("200 result=0");
            assertThat(peer.send("STREAM FILE welcome \"\"")).containsExactly("200 result=0 endpos=24000");
            assertThat(peer.send("STREAM FILE menu " + ALL_KEYS)).containsExactly("200 result=53 endpos=12000");
            assertThat(peer.send("WAIT FOR DIGIT 5000")).containsExactly("200 result=55");
            assertThat(peer.send("GET DATA region 5000 4")).containsExactly("200 result=4567");
            assertThat(peer.send("GET DATA region 5000 4")).containsExactly("200 result=12");
            assertThat(peer.send("RECORD FILE /tmp/msg wav \"#\" 8000 BEEP"))
                    .containsExactly("200 result=35 (dtmf) endpos=7200");
            assertThat(peer.send("GET DATA region 5000 4")).containsExactly("200 result= (timeout)");
            assertThat(peer.send("WAIT FOR DIGIT 5000")).containsExactly("200 result=0");
            assertThat(peer.send("SAY DIGITS 4729 \"\"")).containsExactly("200 result=0");
            assertThat(peer.send("SAY NUMBER 12 \"\"")).containsExactly("200 result=0");
        }
        // then
        CallResult result = ended(call);
        assertThat(result.promptsHeard()).containsExactly("welcome", "menu", "region", "region", "beep", "region");
        assertThat(result.digitsSaid()).containsExactly("4729");
        assertThat(result.recordings()).extracting(CallResult.Recording::endedBy).containsExactly("dtmf");
        assertThat(result.violations()).isEmpty();
        assertThat(result.exchanges()).hasSize(11);
    }

    @Test
    void shouldReturnPartialDigitsWithTimeoutWhenTheCallerStopsTyping() throws Exception {
        // given
        CompletableFuture<CallResult> call = place(CallSetup.of("hotline"), CallerScript.pressing("12"));
        try (AgiPeer peer = AgiPeer.accept(server)) {
            // when / then
            assertThat(peer.send("GET DATA code 5000 4")).containsExactly("200 result=12 (timeout)");
        }
        assertThat(ended(call).violations()).isEmpty();
    }

    @Test
    void shouldLoseTypeAheadWhenNoInputCommandRuns() throws Exception {
        // given: the caller presses 1 during a notice that accepts no keys, then 2 during the menu
        CompletableFuture<CallResult> call = place(CallSetup.of("hotline"),
                CallerScript.silent().bargeIn("1").bargeIn("2"));
        try (AgiPeer peer = AgiPeer.accept(server)) {
            // when / then
            assertThat(peer.send("STREAM FILE notice \"\"")).containsExactly("200 result=0 endpos=24000");
            assertThat(peer.send("STREAM FILE menu \"123\"")).containsExactly("200 result=50 endpos=12000");
            assertThat(peer.send("WAIT FOR DIGIT 3000")).containsExactly("200 result=0");
        }
        assertThat(ended(call).lostDigits()).containsExactly("1");
    }

    @Test
    void shouldDiscardLeftoverKeysWhenAPromptWithoutEscapeDigitsPlays() throws Exception {
        // given
        CompletableFuture<CallResult> call = place(CallSetup.of("hotline"), CallerScript.pressing("19"));
        try (AgiPeer peer = AgiPeer.accept(server)) {
            // when / then
            assertThat(peer.send("WAIT FOR DIGIT 3000")).containsExactly("200 result=49");
            assertThat(peer.send("STREAM FILE thanks \"\"")).containsExactly("200 result=0 endpos=24000");
            assertThat(peer.send("WAIT FOR DIGIT 3000")).containsExactly("200 result=0");
        }
        assertThat(ended(call).lostDigits()).containsExactly("9");
    }

    @Test
    void shouldSendHangupLineAndRefuseMediaWhenTheCallerHangsUp() throws Exception {
        // given
        CompletableFuture<CallResult> call = place(CallSetup.of("hotline"), CallerScript.pressing("1").hangUp());
        try (AgiPeer peer = AgiPeer.accept(server)) {
            // when / then
            assertThat(peer.send("WAIT FOR DIGIT 3000")).containsExactly("200 result=49");
            assertThat(peer.send("STREAM FILE menu " + ALL_KEYS)).containsExactly("200 result=-1 endpos=8000");
            assertThat(peer.send("SET VARIABLE HOTLINE_STATUS ABANDONED")).containsExactly("HANGUP", "200 result=1");
            assertThat(peer.send("STREAM FILE bye \"\"")).containsExactly(
                    "511 Command Not Permitted on a dead channel or intercept routine");
            assertThat(peer.send("ANSWER")).containsExactly(
                    "511 Command Not Permitted on a dead channel or intercept routine");
            assertThat(peer.send("GET DATA x 100 1")).containsExactly(
                    "511 Command Not Permitted on a dead channel or intercept routine");
            assertThat(peer.send("NOOP")).containsExactly("200 result=0");
            assertThat(peer.send("GET VARIABLE HOTLINE_STATUS")).containsExactly("200 result=1 (ABANDONED)");
            assertThat(peer.send("EXEC NoOp done")).containsExactly("200 result=0");
        }
        // then
        CallResult result = ended(call);
        assertThat(result.callerHungUp()).isTrue();
        assertThat(result.ending()).isEqualTo(SessionEnd.CALLER_HUNG_UP);
        assertThat(result.status()).isEqualTo("ABANDONED");
        assertThat(result.violations()).extracting(Violation::kind).containsOnly(Violation.Kind.DEAD_CHANNEL);
    }

    @Test
    void shouldMeetADeadChannelWhenTheCallerHangsUpBetweenCommands() throws Exception {
        // given
        CompletableFuture<CallResult> call = place(CallSetup.of("hotline"), CallerScript.silent().hangUpNow());
        try (AgiPeer peer = AgiPeer.accept(server)) {
            // when / then
            assertThat(peer.send("ANSWER")).containsExactly("HANGUP",
                    "511 Command Not Permitted on a dead channel or intercept routine");
        }
        assertThat(ended(call).ending()).isEqualTo(SessionEnd.CALLER_HUNG_UP);
    }

    @Test
    void shouldHangUpAtTheNthCommandAndWhenAPromptStarts() throws Exception {
        // given
        CompletableFuture<CallResult> byNumber = place(CallSetup.of("a"), CallerScript.silent().hangUpAtCommand(2));
        try (AgiPeer peer = AgiPeer.accept(server)) {
            assertThat(peer.send("ANSWER")).containsExactly("200 result=0");
            assertThat(peer.send("GET DATA code 5000 4")).containsExactly("200 result=-1");
        }
        CompletableFuture<CallResult> byPrompt = place(CallSetup.of("b"),
                CallerScript.silent().hangUpWhenPromptStarts("question"));
        try (AgiPeer peer = AgiPeer.accept(server)) {
            assertThat(peer.send("STREAM FILE intro \"1\"")).containsExactly("200 result=0 endpos=24000");
            assertThat(peer.send("STREAM FILE question \"1\"")).containsExactly("200 result=-1 endpos=8000");
        }
        // then
        assertThat(ended(byNumber).callerHungUp()).isTrue();
        assertThat(ended(byPrompt).promptsHeard()).containsExactly("intro", "question");
    }

    @Test
    void shouldAnswerVariablesExecAndScriptHangupLikeAsterisk() throws Exception {
        // given
        CompletableFuture<CallResult> call = place(
                CallSetup.of("hotline").withVariables(Map.of("PRESET", "yes")), CallerScript.silent());
        try (AgiPeer peer = AgiPeer.accept(server)) {
            // when / then
            assertThat(peer.send("GET VARIABLE PRESET")).containsExactly("200 result=1 (yes)");
            assertThat(peer.send("GET VARIABLE UNSET_ONE")).containsExactly("200 result=0");
            assertThat(peer.send("SET VARIABLE \"CHANNEL(language)\" \"fr\"")).containsExactly("200 result=1");
            assertThat(peer.send("GET VARIABLE CHANNEL(language)")).containsExactly("200 result=1 (fr)");
            assertThat(peer.send("EXEC Playback hello&world")).containsExactly("200 result=0");
            assertThat(peer.send("EXEC Dial PJSIP/112,30")).containsExactly("200 result=0");
            assertThat(peer.send("EXEC NoSuchApp x")).containsExactly("200 result=-2");
            assertThat(peer.send("VERBOSE \"hello\" 1")).containsExactly("200 result=1");
            assertThat(peer.send("NOOP")).containsExactly("200 result=0");
            assertThat(peer.send("HANGUP")).containsExactly("200 result=1");
            assertThat(peer.send("STREAM FILE after \"\"")).containsExactly("HANGUP",
                    "511 Command Not Permitted on a dead channel or intercept routine");
        }
        // then
        CallResult result = ended(call);
        assertThat(result.prompts()).containsExactly(new CallResult.Prompt("hello", "fr"),
                new CallResult.Prompt("world", "fr"));
        assertThat(result.applications()).extracting(CallResult.AppCall::application)
                .containsExactly("Playback", "Dial", "NoSuchApp");
        assertThat(result.scriptHungUp()).isTrue();
        assertThat(result.ending()).isEqualTo(SessionEnd.SCRIPT_HUNG_UP);
    }

    @Test
    void shouldAnswer510And520WhenCommandsAreUnknownOrMalformed() throws Exception {
        // given
        CompletableFuture<CallResult> call = place(CallSetup.of("hotline"), CallerScript.silent());
        try (AgiPeer peer = AgiPeer.accept(server)) {
            // when / then
            assertThat(peer.send("DANCE NOW")).containsExactly("510 Invalid or unknown command");
            assertThat(peer.send("STREAM FILE onlyfile")).hasSize(3)
                    .startsWith("520-Invalid command syntax.  Proper usage follows:")
                    .endsWith("520 End of proper usage.");
            assertThat(peer.send("WAIT FOR DIGIT soon")).last().isEqualTo("520 End of proper usage.");
            assertThat(peer.send("SAY DIGITS abc \"\"")).last().isEqualTo("520 End of proper usage.");
        }
        // then
        assertThat(ended(call).violations()).extracting(Violation::kind).containsExactly(
                Violation.Kind.UNKNOWN_COMMAND, Violation.Kind.BAD_SYNTAX, Violation.Kind.BAD_SYNTAX,
                Violation.Kind.BAD_SYNTAX);
    }

    @Test
    void shouldReportMissingSoundWhenTheCatalogueLacksTheFile() throws Exception {
        // given
        SimulatorOptions options = SimulatorOptions.defaults()
                .withSounds(SoundCatalogue.perLanguage(Map.of("en", Set.of("welcome"), "fr", Set.of("menu"))));
        CallSetup setup = CallSetup.of("hotline").withLanguage("fr");
        CompletableFuture<CallResult> call = simulator(options).callAsync(setup, CallerScript.silent());
        try (AgiPeer peer = AgiPeer.accept(server)) {
            // when / then
            assertThat(peer.send("STREAM FILE menu \"\"")).containsExactly("200 result=0 endpos=24000");
            assertThat(peer.send("STREAM FILE welcome \"\"")).containsExactly("200 result=0 endpos=24000");
            assertThat(peer.send("STREAM FILE nosuch \"\"")).containsExactly("200 result=-1 endpos=0");
        }
        // then
        CallResult result = ended(call);
        assertThat(result.promptsHeard()).containsExactly("menu", "welcome");
        assertThat(result.violations()).extracting(Violation::kind).containsExactly(Violation.Kind.MISSING_SOUND);
    }

    @Test
    void shouldStopAScriptThatNeverEndsWhenTheCommandLimitIsReached() throws Exception {
        // given
        CompletableFuture<CallResult> call = simulator(SimulatorOptions.defaults().withMaxCommands(3))
                .callAsync(CallSetup.of("hotline"), CallerScript.silent());
        try (AgiPeer peer = AgiPeer.accept(server)) {
            // when
            for (int i = 0; i < 3; i++) {
                assertThat(peer.send("NOOP")).containsExactly("200 result=0");
            }
            assertThat(peer.send("NOOP")).isEmpty();
        }
        // then
        CallResult result = ended(call);
        assertThat(result.ending()).isEqualTo(SessionEnd.COMMAND_LIMIT);
        assertThat(result.hasViolation(Violation.Kind.COMMAND_LIMIT)).isTrue();
    }

    @Test
    void shouldRejectKeysThatAreNotOnAKeypad() {
        assertThatThrownBy(() -> CallerScript.pressing("12a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12a");
        assertThatThrownBy(() -> CallerScript.pressing("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallerScript.silent().hangUpAtCommand(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
