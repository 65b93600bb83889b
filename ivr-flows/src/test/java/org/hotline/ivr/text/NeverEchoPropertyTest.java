package org.hotline.ivr.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotline.ivr.FollowUpAnswer;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.TipReceipt;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.FlowRegistry;

/**
 * Privacy rule as a property: whatever a sender writes, in whatever order with valid keys and keywords mixed in,
 * no message the hotline sends contains it; and a stop keyword at any point is answered with silence.
 */
class NeverEchoPropertyTest {

    private static final TextFlows FLOWS = ((TextFlows.Result.Ready) TextFlows.check(
            FlowRegistry.load(Path.of("flows")).current())).flows();
    private static final Clock OPEN = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final FollowUpDesk DESK = new FollowUpDesk() {
        @Override
        public FollowUpAnswer lookup(String reference, String pin) {
            return new FollowUpAnswer.WrongPin();
        }

        @Override
        public void addRecording(String reference, String recording, String language) {}
    };

    /** Replies: keys the flows know, keywords, and free text carrying a marker no catalogue holds. */
    @Provide
    Arbitrary<List<String>> conversations() {
        Arbitrary<String> keys = Arbitraries.of("1", "2", "3", "4", "0", "*", "#", "help", "AIDE");
        Arbitrary<String> secrets = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12)
                .map(word -> "Zq" + word + "#77");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(12).map(d -> "5" + d);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, keys), net.jqwik.api.Tuple.of(2, secrets),
                net.jqwik.api.Tuple.of(1, digits)).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 300)
    void shouldNeverSendBackWhatTheSenderWrote(@ForAll("conversations") List<String> replies) {
        // given
        TextFlowEngine engine = new TextFlowEngine((channel, tip) -> new TipReceipt("472918305", "0461"), DESK,
                FlowOptions.defaults(), OPEN);
        List<String> sent = new ArrayList<>();

        // when
        TextTurn turn = engine.start(FLOWS, "hotline", "p", "sms", "+231770000009", replies.getFirst());
        sent.addAll(turn.messages());
        for (String reply : replies.subList(1, replies.size())) {
            if (!turn.session().state().open()) {
                break;
            }
            turn = engine.receive(FLOWS, turn.session(), reply);
            sent.addAll(turn.messages());
        }

        // then
        for (String reply : replies) {
            if (reply.startsWith("Zq") || reply.length() >= 7) {
                assertThat(sent).noneMatch(m -> m.contains(reply));
            }
        }
    }

    @Property(tries = 200)
    void shouldSendNothingOnceStopped(@ForAll("conversations") List<String> before) {
        // given: a conversation, then STOP
        TextFlowEngine engine = new TextFlowEngine((channel, tip) -> new TipReceipt("472918305", "0461"), DESK,
                FlowOptions.defaults(), OPEN);
        TextTurn turn = engine.start(FLOWS, "hotline", "p", "sms", "+231770000009", "hello");
        for (String reply : before) {
            if (turn.session().state().open()) {
                turn = engine.receive(FLOWS, turn.session(), reply);
            }
        }
        if (!turn.session().state().open()) {
            return;
        }

        // when
        TextTurn stopped = engine.receive(FLOWS, turn.session(), "stop");

        // then: silent, and the session is closed, so the host starts nothing more in it
        assertThat(stopped.messages()).isEmpty();
        assertThat(stopped.session().state()).isEqualTo(TextSession.State.STOPPED);
        assertThat(stopped.session().state().open()).isFalse();
    }
}
