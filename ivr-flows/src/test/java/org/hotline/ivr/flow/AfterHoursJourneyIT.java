package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped hotline flow at a fixed clock before, during and after opening hours and on a holiday (hours in
 * Africa/Monrovia, UTC+0: weekdays 08:00-20:00, Saturday 09:00-13:00, 25 December closed).
 */
class AfterHoursJourneyIT {

    /** Tuesday 07:00: before the opening. */
    static final String BEFORE = "2026-11-24T07:00:00Z";
    /** Tuesday 10:00: open. */
    static final String DURING = "2026-11-24T10:00:00Z";
    /** Tuesday 23:00: after the closing. */
    static final String AFTER = "2026-11-24T23:00:00Z";
    /** Friday 25 December 10:00: a holiday. */
    static final String HOLIDAY = "2026-12-25T10:00:00Z";

    private final FlowHarness harness = new FlowHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    /** A closed-hours report: no main menu, the same questions as in the day, a message, a callback. */
    static CallerScript closedReport() {
        return CallerScript.pressing("1").silence().silence()  // English, the notice, the after-hours notice
                .press("3").press("2").press("2")               // domestic servitude, region MG, Liberian
                .press("1").press("2")                          // a child, nobody in danger now
                .press("1").silence().press("#")                // record a message
                .press("1").press("3")                          // callback yes, evening
                .press("1").press("1").press("1")               // police yes, services yes, statistics yes
                .silence().silence().silence();
    }

    @ParameterizedTest
    @CsvSource({BEFORE, AFTER, HOLIDAY})
    void shouldAskTheDaytimeQuestionsWhenOperatorsAreClosed(String at) {
        // given
        harness.clock.set(Instant.parse(at));

        // when
        CallResult call = harness.call("hotline", closedReport());

        // then: the caller reports fully and hears a reference, as in the day
        assertThat(call.violations()).isEmpty();
        assertThat(call.promptsHeard()).doesNotContain("en/hotline/main_menu")
                .containsSubsequence("en/hotline/safety_notice", "en/hotline/after_hours",
                        "en/hotline/ask_exploitation", "en/hotline/ask_region", "en/hotline/ask_nationality",
                        "en/hotline/ask_child",
                        "en/hotline/ask_danger_now", "en/hotline/consent_record", "en/hotline/record_instructions",
                        "en/hotline/your_reference", "en/hotline/goodbye");
        assertThat(call.status()).isEqualTo("DONE");
        CapturedTip tip = harness.intake.tips().getFirst();
        assertThat(tip.outcome()).isEqualTo(CallOutcome.COMPLETED);
        assertThat(tip.answers()).containsEntry("exploitationType", "domestic_servitude")
                .containsEntry("region", "MG").containsEntry("victimNationality", "LR")
                .containsEntry("childInvolved", "true")
                .containsEntry("immediateDanger", "false").doesNotContainKey("personRequested");
        assertThat(tip.recording()).isNotNull();
        assertThat(tip.consents()).containsEntry("record", true).containsEntry("share_identity_police", true);
    }

    @Test
    void shouldOfferTheMainMenuAndTheOperatorDuringOpeningHours() {
        // given
        harness.clock.set(Instant.parse(DURING));

        // when: report? no - the caller asks for a person (4)
        CallResult call = harness.call("hotline", CallerScript.pressing("1").silence().press("4"));

        // then
        assertThat(call.promptsHeard()).containsSubsequence("en/hotline/main_menu", "en/hotline/connecting_operator")
                .doesNotContain("en/hotline/after_hours");
        assertThat(call.status()).isEqualTo("OPERATOR");
    }

    @ParameterizedTest
    @CsvSource({BEFORE, DURING, AFTER, HOLIDAY})
    void shouldSendTheDangerKeyToTheEmergencyPathAtAnyHour(String at) {
        // given
        harness.clock.set(Instant.parse(at));

        // when: 9 while the safety notice plays
        CallResult call = harness.call("hotline", CallerScript.pressing("1").bargeIn("9"));

        // then
        assertThat(call.status()).isEqualTo("EMERGENCY");
        assertThat(call.variables()).containsEntry("HOTLINE_EMERGENCY", FlowOptions.DEFAULT_EMERGENCY_NUMBER);
        assertThat(harness.intake.tips()).singleElement().satisfies(tip -> {
            assertThat(tip.outcome()).isEqualTo(CallOutcome.EMERGENCY);
            assertThat(tip.answers()).containsEntry("immediateDanger", "true");
        });
    }

    @Test
    void shouldMarkATipWhoseCallerWantedAPersonWhileClosed() {
        // given: after hours the caller stays silent at the first question until it gives up on them
        harness.clock.set(Instant.parse(AFTER));

        // when
        CallResult call = harness.call("hotline", CallerScript.pressing("1").silence().silence()
                .silence().silence().silence().silence());

        // then: no operator at night; the call ends kindly and the tip says a person was wanted
        assertThat(call.promptsHeard()).contains("en/hotline/ask_exploitation", "en/hotline/goodbye")
                .doesNotContain("en/hotline/connecting_operator");
        assertThat(call.status()).isEqualTo("DONE");
        assertThat(harness.intake.tips()).singleElement()
                .satisfies(tip -> assertThat(tip.answers()).containsEntry("personRequested", "true"));
    }

    @Test
    void shouldRecordASilentCallThatEndsAtTheGoodbyeAsSilent() {
        // given: after hours, a caller who never presses a key
        harness.clock.set(Instant.parse(AFTER));

        // when
        CallResult call = harness.call("hotline", CallerScript.silent());

        // then: no empty "completed" report
        assertThat(call.status()).isEqualTo("DONE");
        assertThat(harness.intake.tips()).singleElement()
                .satisfies(tip -> assertThat(tip.outcome()).isEqualTo(CallOutcome.SILENT));
    }
}
