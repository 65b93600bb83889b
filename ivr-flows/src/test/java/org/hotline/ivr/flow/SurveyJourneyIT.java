package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.SurveyAnswer;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.hotline.ivr.sim.CallerStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The post-contact survey after a report, over FastAGI/TCP from the Asterisk simulator. */
class SurveyJourneyIT {

    private final RecordingSurvey survey = new RecordingSurvey();
    private FlowHarness harness;

    @AfterEach
    void stop() {
        harness.close();
    }

    private final java.util.List<String> endings = new java.util.concurrent.CopyOnWriteArrayList<>();

    private FlowHarness surveyOn() {
        FlowObserver observer = new FlowObserver() {
            @Override
            public void callEnded(String flowLabel, String status, org.hotline.ivr.CapturedTip tip) {
                endings.add(flowLabel + " " + status + " " + (tip == null ? "no tip" : tip.outcome()));
            }
        };
        harness = new FlowHarness(FlowHarness.FLOWS, FlowOptions.defaults().withSurvey(survey).withObserver(observer));
        return harness;
    }

    /** A whole report in English without recording or callback; no repeat of the reference. */
    private static CallerScript report() {
        return CallerScript.pressing("1").silence()
                .press("1").press("1").press("1").press("2")     // report: forced labour, MO, Liberia
                .press("2").press("2")                             // no child, no danger now
                .press("2").press("2").press("2").press("2").press("2") // no recording, callback, police, services, stats
                .silence().silence();                              // no repeat of the reference
    }

    private static CallerStep key(String digits) {
        return new CallerStep.Press(digits);
    }

    @Test
    void shouldStoreEachAnswerWithoutTheCallerWhenTheCallerConsentsToTheSurvey() {
        // given
        CallerScript caller = report().atPrompt("survey_offer", key("1")).atPrompt("survey_helpful", key("1"))
                .atPrompt("survey_recommend", key("2"));

        // when
        CallResult call = surveyOn().call("hotline", caller);

        // then
        assertThat(call.violations()).isEmpty();
        assertThat(call.promptsHeard()).containsSubsequence("en/hotline/your_reference", "en/hotline/survey_offer",
                "en/hotline/survey_helpful", "en/hotline/survey_recommend", "en/hotline/survey_thanks",
                "en/hotline/goodbye");
        assertThat(survey.answers()).containsExactly(
                new SurveyAnswer("survey@1", "en", "voice", "helpful", "yes"),
                new SurveyAnswer("survey@1", "en", "voice", "recommend", "no"));
        assertThat(call.status()).isEqualTo("DONE");
        // the report was handed over once, before the survey, and carries none of its answers
        assertThat(harness.intake.tips()).singleElement().satisfies(tip -> {
            assertThat(tip.outcome()).isEqualTo(CallOutcome.COMPLETED);
            assertThat(tip.answers()).doesNotContainKeys("helpful", "recommend");
            assertThat(tip.answers().values()).doesNotContain("partly");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "silence"})
    void shouldAskAndStoreNothingWhenTheCallerDeclinesOrDoesNotAnswerTheOffer(String reply) {
        // given
        CallerStep atOffer = reply.equals("silence") ? new CallerStep.Silence() : key(reply);
        CallerScript caller = report().atPrompt("survey_offer", atOffer);

        // when
        CallResult call = surveyOn().call("hotline", caller);

        // then
        assertThat(call.promptsHeard()).contains("en/hotline/survey_offer").endsWith("en/hotline/goodbye")
                .doesNotContain("en/hotline/survey_helpful", "en/hotline/survey_thanks");
        assertThat(survey.answers()).isEmpty();
        assertThat(call.status()).isEqualTo("DONE");
    }

    @Test
    void shouldKeepTheAnswersAlreadyGivenWhenTheCallerHangsUpMidSurvey() {
        // given: one question answered, then the caller hangs up at the second
        CallerScript caller = report().atPrompt("survey_offer", key("1")).atPrompt("survey_helpful", key("2"))
                .atPrompt("survey_recommend", new CallerStep.HangUp());

        // when
        CallResult call = surveyOn().call("hotline", caller);

        // then: each answer is stored when given, so the first is kept; the report is not handed over again
        assertThat(survey.answers()).containsExactly(new SurveyAnswer("survey@1", "en", "voice", "helpful", "partly"));
        assertThat(call.status()).isEqualTo("HANGUP");
        // the call records count it as the completed report it was, not as an abandoned call
        assertThat(endings).containsExactly("survey@1 HANGUP COMPLETED");
        assertThat(harness.intake.tips()).singleElement()
                .satisfies(tip -> assertThat(tip.outcome()).isEqualTo(CallOutcome.COMPLETED));
    }

    @Test
    void shouldRepeatAQuestionOnceOnAWrongKeyAndEndKindlyAfterAnother() {
        // given: a wrong key then a right one at the first question, two wrong keys at the second
        CallerScript caller = report().atPrompt("survey_offer", key("1"))
                .atPrompt("survey_helpful", key("7")).atPrompt("survey_helpful", key("3"))
                .atPrompt("survey_recommend", key("5")).atPrompt("survey_recommend", key("8"));

        // when
        CallResult call = surveyOn().call("hotline", caller);

        // then
        assertThat(call.violations()).isEmpty();
        assertThat(call.promptsHeard()).containsSubsequence("en/hotline/survey_helpful", "en/hotline/invalid_key",
                "en/hotline/survey_helpful", "en/hotline/survey_recommend", "en/hotline/invalid_key",
                "en/hotline/survey_recommend", "en/hotline/goodbye");
        assertThat(call.promptsHeard()).doesNotContain("en/hotline/survey_thanks");
        assertThat(survey.answers()).containsExactly(new SurveyAnswer("survey@1", "en", "voice", "helpful", "no"));
        assertThat(call.status()).isEqualTo("DONE");
    }

    @Test
    void shouldNeverOfferTheSurveyWhenTheHostLeavesItOff() {
        // given: the defaults (no survey sink)
        harness = new FlowHarness();

        // when
        CallResult call = harness.call("hotline", report());

        // then
        assertThat(call.promptsHeard()).doesNotContain("en/hotline/survey_offer").endsWith("en/hotline/goodbye");
        assertThat(call.status()).isEqualTo("DONE");
    }
}
