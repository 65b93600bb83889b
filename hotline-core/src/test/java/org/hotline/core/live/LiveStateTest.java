package org.hotline.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.metrics.HotlineMetrics;
import org.junit.jupiter.api.Test;

class LiveStateTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ANA = "PJSIP/op-ana";
    private static final String BEN = "PJSIP/op-ben";

    private final HotlineMetrics metrics = new HotlineMetrics(false);
    private final LiveState state = new LiveState(Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC), metrics);

    private static AmiEvent.CallerJoined join(String callId, int secondsAfterT0) {
        return new AmiEvent.CallerJoined(T0.plusSeconds(secondsAfterT0), "operators", callId, 1,
                Map.of("HOTLINE_REFERENCE", "123456789", "HOTLINE_LANG", "fr"));
    }

    @Test
    void shouldListWaitingCallsLongestFirstWithWaitTimes() {
        // given
        state.onEvent(new AmiEvent.Connected(T0));
        // when
        state.onEvent(join("c2", 20));
        state.onEvent(join("c1", 10));
        // then
        QueueSnapshot snapshot = state.snapshot();
        assertThat(snapshot.connected()).isTrue();
        assertThat(snapshot.waiting()).extracting(QueueSnapshot.Waiting::callId).containsExactly("c1", "c2");
        assertThat(snapshot.waiting()).extracting(QueueSnapshot.Waiting::waitSeconds).containsExactly(20L, 10L);
        assertThat(snapshot.waiting().get(0).language()).isEqualTo("fr");
        assertThat(snapshot.waiting().get(0).reference()).isEqualTo("123456789");
        assertThat(snapshot.toJson().encode()).doesNotContain("+1555");
    }

    @Test
    void shouldFollowAnOperatorFromRingingToOnCallToAvailable() {
        // given
        state.onEvent(join("c1", 0));
        // when / then
        state.onEvent(new AmiEvent.AgentCalled(T0.plusSeconds(1), "operators", "c1", ANA));
        state.onEvent(new AmiEvent.AgentCalled(T0.plusSeconds(1), "operators", "c1", BEN));
        assertThat(statusOf(ANA)).isEqualTo(OperatorStatus.RINGING);
        state.onEvent(new AmiEvent.AgentConnected(T0.plusSeconds(5), "operators", "c1", ANA, 5, Map.of()));
        assertThat(statusOf(ANA)).isEqualTo(OperatorStatus.ON_CALL);
        assertThat(statusOf(BEN)).isEqualTo(OperatorStatus.AVAILABLE);
        assertThat(state.snapshot().waiting()).isEmpty();
        state.onEvent(new AmiEvent.AgentCompleted(T0.plusSeconds(60), "operators", "c1", ANA, 5, 55, "caller"));
        assertThat(statusOf(ANA)).isEqualTo(OperatorStatus.AVAILABLE);
        assertThat(metrics.scrape()).contains("hotline_queue_calls_total{queue=\"operators\",outcome=\"answered\",} 1.0")
                .contains("hotline_queue_waiting{queue=\"operators\",} 0.0");
    }

    @Test
    void shouldShowPausedOperatorsButLetACallOutrankThePause() {
        // when
        state.onEvent(new AmiEvent.MemberPaused(T0, ANA, true));
        // then
        assertThat(statusOf(ANA)).isEqualTo(OperatorStatus.PAUSED);
        state.onEvent(join("c1", 1));
        state.onEvent(new AmiEvent.AgentConnected(T0.plusSeconds(2), "operators", "c1", ANA, 1, Map.of()));
        assertThat(statusOf(ANA)).isEqualTo(OperatorStatus.ON_CALL);
        state.onEvent(new AmiEvent.HungUp(T0.plusSeconds(9), "c1"));
        assertThat(statusOf(ANA)).isEqualTo(OperatorStatus.PAUSED);
        state.onEvent(new AmiEvent.MemberPaused(T0.plusSeconds(10), ANA, false));
        assertThat(statusOf(ANA)).isEqualTo(OperatorStatus.AVAILABLE);
    }

    @Test
    void shouldCountAnAbandonOnceAlthoughTheCallerAlsoLeavesAndHangsUp() {
        // given
        state.onEvent(join("c1", 0));
        // when
        state.onEvent(new AmiEvent.CallerAbandoned(T0.plusSeconds(40), "operators", "c1", 40));
        state.onEvent(new AmiEvent.CallerLeft(T0.plusSeconds(40), "operators", "c1"));
        state.onEvent(new AmiEvent.HungUp(T0.plusSeconds(40), "c1"));
        // then
        assertThat(state.snapshot().waiting()).isEmpty();
        assertThat(metrics.scrape())
                .contains("hotline_queue_calls_total{queue=\"operators\",outcome=\"abandoned\",} 1.0")
                .doesNotContain("outcome=\"timeout\",} 1.0")
                .contains("hotline_queue_wait_seconds_sum{queue=\"operators\",outcome=\"abandoned\",} 40.0");
    }

    @Test
    void shouldCountATimeoutWhenTheCallerLeavesUnansweredAndHangsUpLater() {
        // given
        state.onEvent(join("c1", 0));
        // when
        state.onEvent(new AmiEvent.CallerLeft(T0.plusSeconds(300), "operators", "c1"));
        state.onEvent(new AmiEvent.HungUp(T0.plusSeconds(330), "c1"));
        // then
        assertThat(metrics.scrape()).contains("hotline_queue_calls_total{queue=\"operators\",outcome=\"timeout\",} 1.0");
    }

    @Test
    void shouldMarkTheViewStaleWhileDisconnectedAndStartAfreshOnReconnect() {
        // given
        List<QueueSnapshot> seen = new ArrayList<>();
        state.onChange(() -> seen.add(state.snapshot()));
        state.onEvent(new AmiEvent.Connected(T0));
        state.onEvent(join("c1", 0));
        state.onEvent(new AmiEvent.AgentCalled(T0, "operators", "c1", ANA));
        // when
        state.onEvent(new AmiEvent.Disconnected(T0.plusSeconds(5)));
        // then
        assertThat(state.snapshot().connected()).isFalse();
        assertThat(state.snapshot().waiting()).hasSize(1);
        state.onEvent(new AmiEvent.Connected(T0.plusSeconds(9)));
        assertThat(state.snapshot().waiting()).isEmpty();
        assertThat(statusOf(ANA)).isEqualTo(OperatorStatus.AVAILABLE);
        assertThat(metrics.scrape()).contains("hotline_queue_waiting{queue=\"operators\",} 0.0")
                .contains("outcome=\"unknown\",} 1.0");
        assertThat(seen).hasSize(5);
    }

    @Test
    void shouldRefillTheViewFromQueueStatusWithoutCountingACallerTwice() {
        // given
        state.onEvent(new AmiEvent.Connected(T0));
        // when
        state.onEvent(new AmiEvent.CallerWaiting(T0.plusSeconds(10), "operators", "c1", 70));
        state.onEvent(new AmiEvent.CallerWaiting(T0.plusSeconds(10), "operators", "c1", 70));
        state.onEvent(new AmiEvent.MemberState(T0.plusSeconds(10), ANA, true, false));
        state.onEvent(new AmiEvent.MemberState(T0.plusSeconds(10), BEN, false, true));
        // then
        QueueSnapshot snapshot = state.snapshot();
        assertThat(snapshot.waiting()).singleElement().satisfies(w -> {
            assertThat(w.joinedAt()).isEqualTo(T0.minusSeconds(60));
            assertThat(w.waitSeconds()).isEqualTo(90);
            assertThat(w.reference()).isEmpty();
        });
        assertThat(statusOf(ANA)).isEqualTo(OperatorStatus.PAUSED);
        assertThat(statusOf(BEN)).isEqualTo(OperatorStatus.ON_CALL);
        assertThat(metrics.scrape()).contains("hotline_queue_waiting{queue=\"operators\",} 1.0");
    }

    @Test
    void shouldIgnoreEventsForCallsItNeverSawJoin() {
        // given
        List<QueueSnapshot> seen = new ArrayList<>();
        state.onChange(() -> seen.add(state.snapshot()));
        // when
        state.onEvent(new AmiEvent.CallerLeft(T0, "operators", "unknown"));
        state.onEvent(new AmiEvent.CallerAbandoned(T0, "operators", "unknown", 3));
        // then
        assertThat(state.snapshot().waiting()).isEmpty();
        assertThat(metrics.scrape()).doesNotContain("outcome=\"abandoned\"");
        assertThat(seen).isEmpty();
    }

    private OperatorStatus statusOf(String agent) {
        return state.snapshot().operators().stream().filter(o -> o.agent().equals(agent)).findFirst().orElseThrow()
                .status();
    }
}
