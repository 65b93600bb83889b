package org.hotline.ivr.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.FollowUpAnswer;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.SurveyAnswer;
import org.hotline.ivr.SurveySink;
import org.hotline.ivr.TipReceipt;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.FlowRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The post-contact survey offered at the end of a text report, walked by the text engine. */
class TextSurveyTest {

    /** A Tuesday 10:00 in Monrovia: open. */
    private static final Clock OPEN = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final TextFlows FLOWS = ((TextFlows.Result.Ready) TextFlows.check(
            FlowRegistry.load(Path.of("flows")).current())).flows();
    /** English, report, forced labour, Montserrado, another country, no child, no danger, no callback, no, yes, yes. */
    private static final String[] REPORT = {"1", "1", "1", "1", "3", "2", "2", "2", "2", "1", "1"};

    private final List<CapturedTip> tips = new ArrayList<>();
    private final List<SurveyAnswer> answers = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final FollowUpDesk desk = new FollowUpDesk() {
        @Override
        public FollowUpAnswer lookup(String reference, String pin) {
            return new FollowUpAnswer.WrongPin();
        }

        @Override
        public void addRecording(String reference, String recording, String language) {
            throw new AssertionError("no recordings over text");
        }
    };

    private TextFlowEngine engine(SurveySink survey) {
        return new TextFlowEngine((channel, tip) -> {
            tips.add(tip);
            return new TipReceipt("472918305", "0461");
        }, desk, FlowOptions.defaults().withSurvey(survey), OPEN);
    }

    private TextSession play(TextFlowEngine engine, String... replies) {
        TextTurn turn = engine.start(FLOWS, "hotline", "s-1", "sms", "+231770000001", "hello");
        sent.addAll(turn.messages());
        TextSession session = turn.session();
        for (String reply : replies) {
            turn = engine.receive(FLOWS, session, reply);
            sent.addAll(turn.messages());
            session = turn.session();
        }
        return session;
    }

    private static String[] after(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void shouldOfferTheSurveyAfterTheReferenceAndStoreEachAnswerApartFromTheSession() {
        // when: the report, then yes to the survey, "partly", "yes"
        TextSession session = play(engine(answers::add), after(REPORT, "1", "2", "1"));

        // then
        assertThat(sent).containsSubsequence("Your reference number is 472918305. Your secret code is 0461.",
                "Before you go: would you answer two short questions about this conversation? Your answers are not"
                        + " linked to you or your report. Reply 1 to answer, 2 to end.",
                "Was this conversation helpful? Reply 1 yes, 2 partly, 3 no.",
                "Would you tell someone in trouble to contact this line? Reply 1 yes, 2 no.",
                "Thank you for your answers.", "Thank you. Goodbye.");
        assertThat(answers).containsExactly(new SurveyAnswer("survey@1", "en", "sms", "helpful", "partly"),
                new SurveyAnswer("survey@1", "en", "sms", "recommend", "yes"));
        assertThat(session.state()).isEqualTo(TextSession.State.ENDED);
        // the session, which knows the sender, holds none of the answers; the tip was handed over once, before
        assertThat(session.answers()).doesNotContainKeys("helpful", "recommend");
        assertThat(session.answers().values()).doesNotContain("partly");
        assertThat(tips).singleElement().satisfies(t -> assertThat(t.answers()).doesNotContainKey("helpful"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "STOP"})
    void shouldAskAndStoreNothingWhenTheSenderDeclinesOrStops(String reply) {
        // when
        TextSession session = play(engine(answers::add), after(REPORT, reply));

        // then
        assertThat(sent).noneMatch(m -> m.startsWith("Was this conversation helpful?"));
        assertThat(answers).isEmpty();
        assertThat(session.state()).isIn(TextSession.State.ENDED, TextSession.State.STOPPED);
        assertThat(tips).hasSize(1);
    }

    @Test
    void shouldStoreNothingWhenTheSenderNeverAnswersTheOffer() {
        // given: the offer sent, then nothing comes back
        TextFlowEngine engine = engine(answers::add);
        TextSession waiting = play(engine, REPORT);

        // when
        TextTurn turn = engine.expire(FLOWS, waiting);

        // then
        assertThat(waiting.flowId()).isEqualTo("survey");
        assertThat(turn.session().state()).isEqualTo(TextSession.State.EXPIRED);
        assertThat(answers).isEmpty();
        assertThat(tips).hasSize(1);
    }

    @Test
    void shouldAskAgainAfterAWrongReplyAndEndAfterASecond() {
        // when: yes to the survey, "7" then "3" at the first question, "yes please" and "5" at the second
        TextSession session = play(engine(answers::add), after(REPORT, "1", "7", "3", "yes please", "5"));

        // then
        assertThat(answers).containsExactly(new SurveyAnswer("survey@1", "en", "sms", "helpful", "no"));
        assertThat(sent).filteredOn(m -> m.startsWith("Sorry, that is not an option.")).hasSize(2);
        assertThat(sent.getLast()).isEqualTo("Thank you. Goodbye.");
        assertThat(sent).doesNotContain("Thank you for your answers.");
        assertThat(session.state()).isEqualTo(TextSession.State.ENDED);
    }

    @Test
    void shouldEndWithGoodbyeAndNoOfferWhenTheSurveyIsOff() {
        // when
        TextSession session = play(engine(SurveySink.OFF), REPORT);

        // then
        assertThat(sent.getLast()).isEqualTo("Thank you. Goodbye.");
        assertThat(sent).noneMatch(m -> m.startsWith("Before you go"));
        assertThat(session.state()).isEqualTo(TextSession.State.ENDED);
    }
}
