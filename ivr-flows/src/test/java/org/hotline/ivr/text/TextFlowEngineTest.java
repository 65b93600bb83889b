package org.hotline.ivr.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.FollowUpAnswer;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.IntakeUnavailableException;
import org.hotline.ivr.TipReceipt;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.FlowRegistry;
import org.junit.jupiter.api.Test;

class TextFlowEngineTest {

    /** A Tuesday 10:00 in Monrovia: open. */
    private static final Clock OPEN = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Clock CLOSED = Clock.fixed(Instant.parse("2026-11-24T23:00:00Z"), ZoneOffset.UTC);
    private static final TextFlows FLOWS = ((TextFlows.Result.Ready) TextFlows.check(
            FlowRegistry.load(Path.of("flows")).current())).flows();

    private final List<String> channels = new ArrayList<>();
    private final List<CapturedTip> tips = new ArrayList<>();
    private boolean intakeDown;
    private final FollowUpDesk desk = new FollowUpDesk() {
        @Override
        public FollowUpAnswer lookup(String reference, String pin) {
            return reference.equals("123456789") && pin.equals("0461")
                    ? new FollowUpAnswer.Found(FollowUpAnswer.TipStatus.REFERRED) : new FollowUpAnswer.WrongPin();
        }

        @Override
        public void addRecording(String reference, String recording, String language) {
            throw new AssertionError("no recordings over text");
        }
    };
    private final List<String> sent = new ArrayList<>();

    private TextFlowEngine engine(Clock clock) {
        return new TextFlowEngine((channel, tip) -> {
            if (intakeDown) {
                throw new IntakeUnavailableException("down (test)", null);
            }
            channels.add(channel);
            tips.add(tip);
            return new TipReceipt("472918305", "0461");
        }, desk, FlowOptions.defaults(), clock);
    }

    private TextSession play(TextFlowEngine engine, String first, String... replies) {
        TextTurn turn = engine.start(FLOWS, "hotline", "s-1", "sms", "+231770000001", first);
        sent.addAll(turn.messages());
        TextSession session = turn.session();
        for (String reply : replies) {
            turn = engine.receive(FLOWS, session, reply);
            sent.addAll(turn.messages());
            session = turn.session();
        }
        return session;
    }

    @Test
    void shouldTakeAWholeReportByTextAndSendTheReferenceOnce() {
        // when: English, report, forced labour, Montserrado, another country, no child, no danger, no callback,
        // no police, yes, yes
        TextSession session = play(engine(OPEN), "hello", "1", "1", "1", "1", "3", "2", "2", "2", "2", "1", "1");

        // then
        assertThat(session.state()).isEqualTo(TextSession.State.ENDED);
        assertThat(sent.getFirst()).startsWith("For English, press 1.");
        assertThat(sent).anyMatch(m -> m.startsWith("This conversation is free and confidential."));
        assertThat(sent).anyMatch(m -> m.equals("What kind of situation is it?\n1 Forced labour\n2 Sexual exploitation"
                + "\n3 Domestic servitude\n4 Forced begging\n5 Child labour\n6 Forced marriage\n7 Organ removal\n8 Something else"));
        assertThat(sent).filteredOn(m -> m.contains("472918305")).containsExactly(
                "Your reference number is 472918305. Your secret code is 0461.");
        assertThat(sent.getLast()).isEqualTo("Thank you. Goodbye.");
        assertThat(sent).noneMatch(m -> m.contains("record"));
        assertThat(channels).containsExactly("sms");
        CapturedTip tip = tips.getFirst();
        assertThat(tip.outcome()).isEqualTo(CallOutcome.COMPLETED);
        assertThat(tip.callerNumber()).isEqualTo("+231770000001");
        assertThat(tip.answers()).containsEntry("exploitationType", "forced_labour").containsEntry("region", "MO")
                .containsEntry("childInvolved", "false").containsEntry("immediateDanger", "false");
        assertThat(tip.consents()).doesNotContainKey("record").containsEntry("callback", false)
                .containsEntry("share_services", true).containsEntry("statistics", true);
        assertThat(tip.flowVersion()).isEqualTo("hotline@3");
    }

    @Test
    void shouldNeverSendBackWhatTheSenderWrote() {
        // when: every reply is something the flow does not expect, then the sender gives up
        TextSession session = play(engine(OPEN), "Maria Kollie 0886123456", "1", "Maria Kollie 0886123456",
                "my boss at 12 Front St", "help me 0886123456");

        // then
        assertThat(sent).noneMatch(m -> m.contains("Maria") || m.contains("0886123456") || m.contains("Front"));
        assertThat(session.state()).isEqualTo(TextSession.State.OPERATOR);
    }

    @Test
    void shouldEndSilentlyOnAStopKeywordOfAnyLanguageKeepingAPartialTip() {
        // given: French chosen, the notice and menu sent
        TextFlowEngine engine = engine(OPEN);
        TextSession session = play(engine, "bonjour", "2");

        // when
        TextTurn turn = engine.receive(FLOWS, session, " salir ");

        // then
        assertThat(turn.messages()).isEmpty();
        assertThat(turn.session().state()).isEqualTo(TextSession.State.STOPPED);
        assertThat(tips).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(CallOutcome.ABANDONED);
            assertThat(t.language()).isEqualTo("fr");
        });
    }

    @Test
    void shouldRaiseAnImmediateTipOnTheDangerKeywordAtAnyStep() {
        // when: danger written at the region question
        TextSession session = play(engine(OPEN), "hi", "1", "1", "1", "sos");

        // then
        assertThat(session.state()).isEqualTo(TextSession.State.ENDED);
        assertThat(sent.getLast()).startsWith("We are alerting emergency services now.");
        assertThat(tips).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(CallOutcome.EMERGENCY);
            assertThat(t.answers()).containsEntry("immediateDanger", "true")
                    .containsEntry("exploitationType", "forced_labour");
        });
    }

    @Test
    void shouldReportDangerAgainAfterTheReferenceWasSent() {
        // given: a report done up to the goodbye is not open any more; danger in the first message opens a new one
        TextFlowEngine engine = engine(OPEN);
        TextTurn turn = engine.start(FLOWS, "hotline", "s-2", "sms", "+231770000001", "DANGER");

        // then
        assertThat(turn.messages()).containsExactly("We are alerting emergency services now. If you can, call 112.");
        assertThat(tips.getFirst().outcome()).isEqualTo(CallOutcome.EMERGENCY);
    }

    @Test
    void shouldAnswerHelpAndAskAgainWithoutCountingAWrongReply() {
        // given
        TextFlowEngine engine = engine(OPEN);
        TextSession session = play(engine, "hi", "1");

        // when
        TextTurn turn = engine.receive(FLOWS, session, "Help");

        // then
        assertThat(turn.messages()).hasSize(2);
        assertThat(turn.messages().getFirst()).startsWith("Reply with the number of your choice.");
        assertThat(turn.messages().get(1)).startsWith("To report a situation, press 1.");
        assertThat(turn.session().failures()).isZero();
        assertThat(turn.session().node()).isEqualTo("main_menu");
    }

    @Test
    void shouldAskAgainForALanguageItDoesNotOfferThenHandToTheOperator() {
        // when: 7 is no language; three wrong replies exhaust the two retries
        TextFlowEngine engine = engine(OPEN);
        TextTurn first = engine.start(FLOWS, "hotline", "s-3", "sms", "+231770000001", "hi");
        TextTurn wrong = engine.receive(FLOWS, first.session(), "7");

        // then
        assertThat(wrong.messages()).containsExactly("Sorry, that is not an option. Reply with one of the numbers.",
                first.messages().getFirst());
        TextSession session = engine.receive(FLOWS, engine.receive(FLOWS, wrong.session(), "7").session(), "7")
                .session();
        assertThat(session.state()).isEqualTo(TextSession.State.OPERATOR);
        assertThat(tips).singleElement().satisfies(t -> assertThat(t.outcome()).isEqualTo(CallOutcome.OPERATOR));
    }

    @Test
    void shouldHoldMessagesForTheOperatorOnceHandedOver() {
        // given
        TextFlowEngine engine = engine(OPEN);
        TextSession session = play(engine, "hi", "1", "0");

        // when
        TextTurn turn = engine.receive(FLOWS, session, "they took my passport");

        // then
        assertThat(session.state()).isEqualTo(TextSession.State.OPERATOR);
        assertThat(turn.forOperator()).isTrue();
        assertThat(turn.messages()).isEmpty();
    }

    @Test
    void shouldKeepAPartialTipWhenAnIdleSessionExpires() {
        // given
        TextFlowEngine engine = engine(OPEN);
        TextSession session = play(engine, "hi", "1", "1", "3");

        // when
        TextTurn turn = engine.expire(FLOWS, session);

        // then
        assertThat(turn.messages()).isEmpty();
        assertThat(turn.session().state()).isEqualTo(TextSession.State.EXPIRED);
        assertThat(tips).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(CallOutcome.ABANDONED);
            assertThat(t.answers()).containsEntry("exploitationType", "domestic_servitude");
            assertThat(t.lastNode()).isEqualTo("region");
        });
    }

    @Test
    void shouldSendNoReferenceWhenIntakeIsUnavailable() {
        // given
        intakeDown = true;

        // when
        TextSession session = play(engine(OPEN), "hi", "1", "1", "1", "1", "3", "2", "2", "2", "2", "1", "1");

        // then: the apology, then the operator (open)
        assertThat(sent).noneMatch(m -> m.contains("reference number is"));
        assertThat(session.state()).isEqualTo(TextSession.State.OPERATOR);
    }

    @Test
    void shouldFollowUpByReferenceAndPinByText() {
        // when: English, follow up, reference, PIN
        TextSession session = play(engine(OPEN), "hi", "1", "3", "123456789", "0461");

        // then
        assertThat(sent).contains("Please send your reference number.", "Please send your secret code.",
                "Your report has been passed to the agencies that can act on it.");
        assertThat(session.node()).isEqualTo("more_menu");
        assertThat(sent).noneMatch(m -> m.contains("123456789"));
        assertThat(tips).isEmpty();
    }

    @Test
    void shouldOfferTheOperatorOnlyWhileOpen() {
        // when: after hours, 0 at the main menu... is not reached: the menu comes only while open
        TextSession session = play(engine(CLOSED), "hi", "1");

        // then: the closed flow says so and asks the day's questions, from the type of situation on
        assertThat(sent).anyMatch(m -> m.startsWith("Our operators are not available now."));
        assertThat(sent).noneMatch(m -> m.contains("speak to an operator, press 0"));
        assertThat(session.node()).isEqualTo("report_type");
    }
}
