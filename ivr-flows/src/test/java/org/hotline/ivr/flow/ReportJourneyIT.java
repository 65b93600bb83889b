package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hotline flow's report journey over FastAGI/TCP, driven by the Asterisk simulator. */
class ReportJourneyIT {

    private final FlowHarness harness = new FlowHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    /** Every answer of the report path; {@code lang} is the language key (1 en, 2 fr, 3 es). */
    static CallerScript fullReport(String lang) {
        return CallerScript.pressing(lang).silence()   // language, then listen to the notice
                .press("1")                              // main menu: report
                .press("1").press("1").press("1")        // forced labour, region MO, from Sierra Leone
                .press("2").press("2")                   // no child, nobody in danger now
                .press("1").silence().press("#")         // consent to record, listen, record, # ends
                .press("1").press("2")                   // callback yes, afternoon
                .press("2").press("1").press("1")        // police no, services yes, statistics yes
                .silence().silence().silence();          // no repeat of the reference; listen to the promise
    }

    @ParameterizedTest
    @CsvSource({"1, en", "2, fr", "3, es"})
    void shouldCaptureEveryAnswerAndReadBackTheReferenceWhenTheCallerReportsInEachLanguage(String key,
                                                                                            String language) {
        // given
        CallerScript caller = fullReport(key);

        // when
        CallResult call = harness.call("hotline", caller);

        // then
        assertThat(call.violations()).isEmpty();
        assertThat(call.promptsHeard()).containsSubsequence(
                language + "/hotline/safety_notice", language + "/hotline/main_menu",
                language + "/hotline/ask_exploitation", language + "/hotline/ask_region",
                language + "/hotline/ask_child", language + "/hotline/ask_danger_now",
                language + "/hotline/consent_record", language + "/hotline/record_instructions",
                language + "/hotline/consent_callback", language + "/hotline/ask_callback_window",
                language + "/hotline/consent_police", language + "/hotline/consent_services",
                language + "/hotline/consent_statistics", language + "/hotline/your_reference",
                language + "/hotline/your_pin", language + "/hotline/repeat_offer",
                language + "/hotline/callback_promise", language + "/hotline/goodbye");
        assertThat(call.spoken()).filteredOn(s -> s.value().equals(RecordingIntake.RECEIPT.reference()))
                .singleElement().satisfies(s -> assertThat(s.language()).isEqualTo(language));
        assertThat(call.digitsSaid()).containsSubsequence("4729183", "0461");
        assertThat(call.variables()).containsEntry("HOTLINE_STATUS", "DONE")
                .containsEntry("HOTLINE_REFERENCE", "4729183").containsEntry("HOTLINE_LANG", language)
                .containsEntry("CHANNEL(language)", language);
        assertThat(call.recordings()).hasSize(1);
        assertThat(call.scriptHungUp()).isTrue();

        CapturedTip tip = harness.intake.tips().getFirst();
        assertThat(harness.intake.tips()).hasSize(1);
        assertThat(tip.outcome()).isEqualTo(CallOutcome.COMPLETED);
        assertThat(tip.language()).isEqualTo(language);
        assertThat(tip.flowVersion()).isEqualTo("hotline@3");
        assertThat(tip.lastNode()).isEqualTo("reference");
        assertThat(tip.recording()).isEqualTo(call.recordings().getFirst().file());
        assertThat(tip.answers()).containsAllEntriesOf(Map.of(
                "exploitationType", "forced_labour", "region", "MO", "victimNationality", "SL", "childInvolved", "false",
                "immediateDanger", "false", "callbackWindow", "afternoon",
                "consent.record.wording", "consent-record-v1", "consent.record.language", language));
        assertThat(tip.consents()).isEqualTo(Map.of("record", true, "callback", true,
                "share_identity_police", false, "share_services", true, "statistics", true));
    }

    @Test
    void shouldRepeatReferenceAndPinWhenTheCallerPressesStar() {
        // given: the whole report, then * at the repeat offer, then silence
        CallerScript caller = CallerScript.pressing("1").silence().press("1").press("1").press("1").press("2")
                .press("2").press("2").press("2")       // no recording consent
                .press("2").press("2").press("2").press("2")
                .press("*").silence().silence().silence();

        // when
        CallResult call = harness.call("hotline", caller);

        // then
        // the caller barged in at each list's intro, so only the reference and PIN were said (twice)
        assertThat(call.digitsSaid()).containsExactly("4729183", "0461", "4729183", "0461");
        assertThat(harness.intake.tips()).singleElement()
                .satisfies(tip -> assertThat(tip.recording()).isNull());
    }

    @Test
    void shouldSkipTheCallbackQuestionWhenAChildIsInvolved() {
        // given
        CallerScript caller = CallerScript.pressing("1").silence().press("1").press("5").press("2").press("2")
                .press("1").press("2")                  // child involved, nobody in danger now
                .press("2").press("1").press("1").press("1");

        // when
        CallResult call = harness.call("hotline", caller);

        // then
        assertThat(call.promptsHeard()).doesNotContain("en/hotline/consent_callback", "en/hotline/callback_promise");
        CapturedTip tip = harness.intake.tips().getFirst();
        assertThat(tip.answers()).containsEntry("childInvolved", "true").containsEntry("exploitationType", "child_labour");
        assertThat(tip.consents()).doesNotContainKey("callback");
    }

    @Test
    void shouldApologiseAndQueueWithoutAReferenceWhenIntakeIsUnavailable() {
        // given
        harness.intake.unavailable();
        CallerScript caller = CallerScript.pressing("1").silence().press("1").press("1").press("1").press("2")
                .press("2").press("2").press("2").press("2").press("2").press("2").press("2");

        // when
        CallResult call = harness.call("hotline", caller);

        // then
        // the introduction plays while intake tries; the apology follows it, and no digits of a reference
        assertThat(call.promptsHeard()).containsSubsequence("en/hotline/your_reference",
                "en/hotline/intake_unavailable", "en/hotline/connecting_operator");
        assertThat(call.promptsHeard()).doesNotContain("en/hotline/your_pin");
        assertThat(call.digitsSaid()).isEmpty();
        assertThat(call.variables()).containsEntry("HOTLINE_STATUS", "OPERATOR")
                .containsEntry("HOTLINE_QUEUE", "operators").doesNotContainKey("HOTLINE_REFERENCE");
    }
}
