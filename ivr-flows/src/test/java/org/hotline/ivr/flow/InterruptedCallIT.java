package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calls that do not finish the report: hang-ups, silence, the danger and operator keys, bad keys. */
class InterruptedCallIT {

    private final FlowHarness harness = new FlowHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @ParameterizedTest(name = "hang-up when {0} starts")
    @CsvSource({
        "choose_language, language, SILENT, 0",
        "safety_notice, notice, ABANDONED, 0",
        "main_menu, main_menu, ABANDONED, 0",
        "ask_exploitation, report_type, ABANDONED, 0",
        "ask_region, region, ABANDONED, 1",
        "ask_child, child, ABANDONED, 2",
        "ask_danger_now, danger_now, ABANDONED, 3",
        "consent_record, consent_record, ABANDONED, 4",
        "record_instructions, record_message, ABANDONED, 4",
        "consent_callback, consent_callback, ABANDONED, 4",
        "ask_callback_window, callback_window, ABANDONED, 4",
        "consent_police, consent_police, ABANDONED, 5",
        "consent_services, consent_services, ABANDONED, 5",
        "consent_statistics, consent_statistics, ABANDONED, 5",
    })
    void shouldHandOverThePartialTipWhenTheCallerHangsUpAtANode(String prompt, String node, CallOutcome outcome,
                                                                  int answersAtLeast) {
        // given
        CallerScript caller = (outcome == CallOutcome.SILENT ? CallerScript.silent() : ReportJourneyIT.fullReport("1"))
                .hangUpWhenPromptStarts("en/hotline/" + prompt);

        // when
        CallResult call = harness.call("hotline", caller);

        // then
        assertThat(call.callerHungUp()).isTrue();
        CapturedTip tip = harness.intake.tips().getFirst();
        assertThat(harness.intake.tips()).hasSize(1);
        assertThat(tip.outcome()).isEqualTo(outcome);
        assertThat(tip.lastNode()).isEqualTo(node);
        assertThat(tip.answers().keySet().stream().filter(k -> !k.startsWith("consent.")).count())
                .isGreaterThanOrEqualTo(answersAtLeast);
        assertThat(call.violations()).isEmpty();
    }

    @Test
    void shouldHaveMadeTheTipDurableBeforeTheReferenceWhenTheCallerHangsUpWhileHearingIt() {
        // when
        CallResult call = harness.call("hotline", ReportJourneyIT.fullReport("1")
                .hangUpWhenPromptStarts("en/hotline/your_pin"));

        // then
        assertThat(call.callerHungUp()).isTrue();
        assertThat(harness.intake.tips()).singleElement().satisfies(tip -> {
            assertThat(tip.outcome()).isEqualTo(CallOutcome.COMPLETED);
            assertThat(tip.lastNode()).isEqualTo("reference");
        });
    }

    @Test
    void shouldPlayTheMenuAgainWhenTheCallerPressesStar() {
        // when
        CallResult call = harness.call("hotline", CallerScript.pressing("1").silence().press("*").press("4"));

        // then
        assertThat(call.promptsHeard()).containsSubsequence("en/hotline/main_menu", "en/hotline/main_menu",
                "en/hotline/connecting_operator").doesNotContain("en/hotline/invalid_key");
    }

    @Test
    void shouldTreatNineAloneAsTheDangerKeyWhileCollectingAReference() {
        // when
        CallResult call = harness.call("followup", CallerScript.pressing("1", "9#"));

        // then
        assertThat(call.status()).isEqualTo("EMERGENCY");
        assertThat(harness.intake.tips()).singleElement().satisfies(tip -> {
            assertThat(tip.outcome()).isEqualTo(CallOutcome.EMERGENCY);
            assertThat(tip.flowVersion()).isEqualTo("followup@1");
        });
    }

    @Test
    void shouldKeepTheRecordingWhenTheCallerHangsUpWhileRecording() {
        // given
        CallerScript caller = CallerScript.pressing("1").silence().press("1").press("1").press("1").press("2")
                .press("1").press("2").press("1").silence().hangUp();

        // when
        CallResult call = harness.call("hotline", caller);

        // then
        CapturedTip tip = harness.intake.tips().getFirst();
        assertThat(tip.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(tip.lastNode()).isEqualTo("record_message");
        assertThat(tip.recording()).isEqualTo(call.recordings().getFirst().file());
        assertThat(tip.answers()).containsEntry("childInvolved", "true");
    }

    @Test
    void shouldPromptGentlyThenQueueWhenTheCallerIsSilent() {
        // when
        CallResult call = harness.call("hotline", CallerScript.silent());

        // then
        assertThat(call.promptsHeard()).containsExactly("en/hotline/choose_language", "en/hotline/no_input",
                "en/hotline/choose_language", "en/hotline/no_input", "en/hotline/choose_language",
                "en/hotline/silent_gentle", "en/hotline/connecting_operator");
        assertThat(call.variables()).containsEntry("HOTLINE_STATUS", "OPERATOR")
                .containsEntry("HOTLINE_QUEUE", "operators").containsEntry("HOTLINE_REFERENCE", "4729183");
        assertThat(harness.intake.tips()).singleElement()
                .satisfies(tip -> assertThat(tip.outcome()).isEqualTo(CallOutcome.OPERATOR));
    }

    @ParameterizedTest(name = "danger key during {0}")
    @CsvSource({
        "language, ''",
        "notice, 1",
        "main_menu, 1,1",
        "region, 1,1,1",
        "nationality, 1,1,1,1",
        "consent_record, 1,1,1,1,2,2,2",
    })
    void shouldTransferToEmergencyAndStillHandOverTheTipWhenTheCallerPressesNine(String node, String before) {
        // given: the keys before, with a silence for the notice (which takes only global keys)
        CallerScript caller = CallerScript.silent();
        String[] keys = before.isEmpty() ? new String[0] : before.split(",");
        for (int i = 0; i < keys.length; i++) {
            caller = caller.press(keys[i]);
            if (i == 0) {
                caller = caller.silence();
            }
        }
        caller = caller.press("9");

        // when
        CallResult call = harness.call("hotline", caller);

        // then
        assertThat(call.promptsHeard()).last().isEqualTo("en/hotline/connecting_emergency");
        assertThat(call.variables()).containsEntry("HOTLINE_STATUS", "EMERGENCY")
                .containsEntry("HOTLINE_EMERGENCY", "112");
        CapturedTip tip = harness.intake.tips().getFirst();
        assertThat(tip.outcome()).isEqualTo(CallOutcome.EMERGENCY);
        assertThat(tip.answers()).containsEntry("immediateDanger", "true");
        assertThat(tip.lastNode()).isEqualTo("danger");
    }

    @Test
    void shouldTransferToEmergencyWhenTheCallerSaysSomeoneIsInDangerNow() {
        // when
        CallResult call = harness.call("hotline",
                CallerScript.pressing("1").silence().press("1").press("2").press("1").press("2").press("2").press("1"));

        // then
        assertThat(call.status()).isEqualTo("EMERGENCY");
        assertThat(harness.intake.tips().getFirst().answers())
                .containsEntry("immediateDanger", "true").containsEntry("exploitationType", "sexual_exploitation");
    }

    @Test
    void shouldHandOffToTheOperatorQueueWhenTheCallerPressesZeroWhileOpen() {
        // when
        CallResult call = harness.call("hotline", CallerScript.pressing("2").silence().press("0"));

        // then
        assertThat(call.promptsHeard()).last().isEqualTo("fr/hotline/connecting_operator");
        assertThat(call.variables()).containsEntry("HOTLINE_STATUS", "OPERATOR").containsEntry("HOTLINE_LANG", "fr")
                .containsEntry("HOTLINE_QUEUE", "operators");
        assertThat(harness.intake.tips().getFirst().lastNode()).isEqualTo("to_operator");
    }

    @Test
    void shouldRepromptOnInvalidKeyAndFallBackToTheOperatorAfterTimeouts() {
        // when: a key the menu does not offer, then silence
        CallResult call = harness.call("hotline", CallerScript.pressing("1").silence().press("7"));

        // then
        assertThat(call.promptsHeard()).containsSubsequence("en/hotline/main_menu", "en/hotline/invalid_key",
                "en/hotline/main_menu", "en/hotline/no_input", "en/hotline/main_menu", "en/hotline/connecting_operator");
        assertThat(call.status()).isEqualTo("OPERATOR");
    }

    @Test
    void shouldRecordAMessageAndPromiseCallbackOnlyWithConsentWhenClosed() {
        // given
        harness.clock.set(MutableClock.CLOSED);
        CallerScript withCallback = CallerScript.pressing("1").silence().silence()   // language, notice, closed notice
                .press("1").press("1").press("2").press("2").press("2")            // the day's questions
                .press("1").silence().press("#")                                   // record
                .press("1").press("3").press("2").press("2").press("2").silence().silence().silence();
        CallerScript withoutCallback = CallerScript.pressing("1").silence().silence()
                .press("1").press("1").press("2").press("2").press("2")
                .press("1").silence().press("#")
                .press("2").press("2").press("2").press("2").silence().silence();

        // when
        CallResult consented = harness.call("hotline", withCallback);
        CallResult refused = harness.call("hotline", withoutCallback);

        // then
        assertThat(consented.promptsHeard()).doesNotContain("en/hotline/main_menu")
                .containsSubsequence("en/hotline/after_hours", "en/hotline/ask_exploitation", "en/hotline/record_instructions",
                        "en/hotline/your_reference", "en/hotline/callback_promise", "en/hotline/goodbye");
        assertThat(refused.promptsHeard()).contains("en/hotline/your_reference")
                .doesNotContain("en/hotline/callback_promise");
        assertThat(harness.intake.tips()).hasSize(2).allSatisfy(tip -> assertThat(tip.recording()).isNotNull());
        assertThat(harness.intake.tips().get(0).answers()).containsEntry("callbackWindow", "evening");
    }

    @Test
    void shouldIgnoreTheOperatorKeyWhenClosed() {
        // given
        harness.clock.set(MutableClock.CLOSED);

        // when: 0 at the language menu is then just a wrong key
        CallResult call = harness.call("hotline", CallerScript.pressing("0", "1"));

        // then
        assertThat(call.promptsHeard()).containsSubsequence("en/hotline/choose_language", "en/hotline/invalid_key",
                "en/hotline/choose_language", "en/hotline/safety_notice", "en/hotline/after_hours");
    }
}
