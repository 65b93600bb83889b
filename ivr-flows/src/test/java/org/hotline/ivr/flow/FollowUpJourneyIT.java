package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The follow-up flow over FastAGI/TCP: reference + PIN, status in the caller's language, more information. */
class FollowUpJourneyIT {

    private final FlowHarness harness = new FlowHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void shouldTellTheStatusAndAttachARecordingWhenThePinIsRight() {
        // given
        CallerScript caller = CallerScript.pressing("3", InMemoryDesk.REFERENCE + "#", InMemoryDesk.PIN, "1")
                .silence().press("#");

        // when
        CallResult call = harness.call("followup", caller);

        // then
        assertThat(call.promptsHeard()).containsSubsequence("es/hotline/fu_enter_reference",
                "es/hotline/fu_enter_pin", "es/hotline/status_referred", "es/hotline/fu_more",
                "es/hotline/fu_record_instructions", "es/hotline/fu_thanks", "es/hotline/goodbye");
        assertThat(harness.desk.added()).singleElement().asString()
                .startsWith(InMemoryDesk.REFERENCE + " es ").isEqualTo(InMemoryDesk.REFERENCE + " es "
                        + call.recordings().getFirst().file());
        assertThat(harness.intake.tips()).isEmpty();
        assertThat(call.status()).isEqualTo("DONE");
        assertThat(call.violations()).isEmpty();
        assertThat(harness.desk.callers()).singleElement().asString().startsWith("0770");
    }

    @Test
    void shouldLockTheReferenceAndTellNoStatusWhenThePinIsWrongThreeTimes() {
        // given
        CallerScript caller = CallerScript.pressing("1", InMemoryDesk.REFERENCE + "#", "1111").silence()
                .press("2222").silence().press("3333").silence();

        // when
        CallResult call = harness.call("followup", caller);

        // then
        assertThat(call.promptsHeard()).filteredOn(p -> p.equals("en/hotline/fu_wrong_pin")).hasSize(2);
        assertThat(call.promptsHeard()).containsSubsequence("en/hotline/fu_locked", "en/hotline/goodbye")
                .noneMatch(p -> p.contains("status_"));
        assertThat(harness.desk.locked(InMemoryDesk.REFERENCE)).isTrue();
        assertThat(harness.desk.added()).isEmpty();
    }

    @Test
    void shouldRefuseEvenTheRightPinOnceTheReferenceIsLocked() {
        // given: a previous call locked the reference
        harness.call("followup", CallerScript.pressing("1", InMemoryDesk.REFERENCE + "#", "1111").silence()
                .press("2222").silence().press("3333").silence());

        // when
        CallResult call = harness.call("followup",
                CallerScript.pressing("1", InMemoryDesk.REFERENCE + "#", InMemoryDesk.PIN).silence());

        // then
        assertThat(call.promptsHeard()).contains("en/hotline/fu_locked").noneMatch(p -> p.contains("status_"));
    }

    @Test
    void shouldReachFollowUpFromTheHotlineMenuInTheChosenLanguage() {
        // when
        CallResult call = harness.call("hotline", CallerScript.pressing("2").silence()
                .press("3").press(InMemoryDesk.REFERENCE + "#").press(InMemoryDesk.PIN).press("2"));

        // then
        assertThat(call.promptsHeard()).containsSubsequence("fr/hotline/main_menu", "fr/hotline/fu_enter_reference",
                "fr/hotline/status_referred", "fr/hotline/goodbye");
        assertThat(harness.intake.tips()).isEmpty();
    }

    @Test
    void shouldEndWithUnknownScriptStatusWhenNoFlowHasThatName() {
        // when
        CallResult call = harness.call("retired", CallerScript.silent());

        // then
        assertThat(call.status()).isEqualTo("UNKNOWN_SCRIPT");
        assertThat(call.promptsHeard()).isEmpty();
    }
}
