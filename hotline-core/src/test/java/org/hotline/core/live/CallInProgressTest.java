package org.hotline.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.testsupport.SteppingClock;
import org.junit.jupiter.api.Test;

/** The operator's call in progress as the hub keeps it for streams that open during the call. */
class CallInProgressTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String ANA = "PJSIP/op-ana";

    private final SteppingClock clock = new SteppingClock(NOW);
    private final LiveHub hub = new LiveHub(clock);
    private final CallPops pops = new CallPops(reference -> Optional.empty(), hub);

    private static AmiEvent.AgentConnected connect(String callId) {
        return new AmiEvent.AgentConnected(NOW, "operators", callId, ANA, 3, Map.of("HOTLINE_LANG", "en"));
    }

    private List<String> openStream() {
        List<String> received = new CopyOnWriteArrayList<>();
        hub.subscribeOperator(ANA, (event, data) -> received.add(event + " " + data.getString("callId")));
        return received;
    }

    @Test
    void shouldGiveAStreamThatOpensDuringTheCallThatCallsPopOnce() {
        // given
        pops.onEvent(connect("1.1"));
        // when
        List<String> received = openStream();
        // then
        assertThat(received).containsExactly("call-pop 1.1");
    }

    @Test
    void shouldForgetTheCallWhenItEndsButNotWhenAnotherCallOfThatPhoneEnds() {
        // given
        pops.onEvent(connect("1.2"));
        // when: an earlier call's late AgentComplete
        pops.onEvent(new AmiEvent.AgentCompleted(NOW, "operators", "1.1", ANA, 3, 40, "agent"));
        // then
        assertThat(openStream()).containsExactly("call-pop 1.2");
        // when
        pops.onEvent(new AmiEvent.AgentCompleted(NOW, "operators", "1.2", ANA, 3, 60, "caller"));
        // then
        assertThat(openStream()).isEmpty();
    }

    @Test
    void shouldForgetEveryCallWhenTheAmiConnectionDropsBecauseTheirEndsCanNoLongerBeSeen() {
        // given
        pops.onEvent(connect("1.3"));
        // when
        pops.onEvent(new AmiEvent.Disconnected(NOW));
        // then
        assertThat(openStream()).isEmpty();
    }

    @Test
    void shouldNotReplayACallLongerThanAnyCallLastsWhoseEndWasMissed() {
        // given
        pops.onEvent(connect("1.4"));
        clock.advance(LiveHub.LONGEST_CALL);
        assertThat(openStream()).containsExactly("call-pop 1.4");
        // when
        clock.advance(Duration.ofSeconds(1));
        // then
        assertThat(openStream()).isEmpty();
    }

    @Test
    void shouldKeepOnePhonesCallFromAnotherPhonesStream() {
        // given
        pops.onEvent(connect("1.5"));
        List<JsonObject> ben = new CopyOnWriteArrayList<>();
        // when
        hub.subscribeOperator("PJSIP/op-ben", (event, data) -> ben.add(data));
        // then
        assertThat(ben).isEmpty();
    }
}
