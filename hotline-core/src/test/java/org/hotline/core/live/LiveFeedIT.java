package org.hotline.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiConfig;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live state fed by the AMI client over TCP, with a listener that is stuck. */
class LiveFeedIT {

    /** Small enough that the stuck listener overflows, large enough for the others to absorb the burst. */
    private static final int QUEUE = 600;

    private AmiSimulator sim;
    private AmiClient client;
    private final HotlineMetrics metrics = new HotlineMetrics(false);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        sim = AmiSimulator.start("hotline", "secret");
        client = AmiClient.start(AmiConfig.of("127.0.0.1", sim.port(), "hotline", "secret").withListenerQueue(QUEUE),
                metrics, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        sim.close();
    }

    @Test
    void shouldRebuildTheQueueViewFromQueueStatusAfterAReconnect() {
        // given
        sim.member("PJSIP/op-ana").member("PJSIP/op-ben");
        Live live = Live.wire(Optional.of(client), ref -> Optional.empty(), metrics, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(20)).until(() -> client.isConnected() && sim.loggedInSessions() == 1);
        Caller gone = Caller.fromIvr("1700000010.1", "123456789", "en", "operators");
        Caller still = Caller.fromIvr("1700000010.2", "987654321", "fr", "operators");
        sim.emitRaw(QueueEvents.callerJoin(gone, "operators", 1, 1));
        sim.emitRaw(QueueEvents.callerJoin(still, "operators", 2, 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> live.state().snapshot().waiting().size() == 2);
        // when: while the connection is down, one caller hangs up and an operator pauses at the phone
        sim.dropConnections();
        sim.queueEntry("operators", still, 95).pauseMember("PJSIP/op-ben", true);
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> live.state().snapshot().waiting().size() == 1
                && live.state().snapshot().operators().stream().anyMatch(o -> o.status() == OperatorStatus.PAUSED));
        QueueSnapshot snapshot = live.state().snapshot();
        assertThat(snapshot.connected()).isTrue();
        assertThat(snapshot.waiting().get(0).callId()).isEqualTo("1700000010.2");
        assertThat(snapshot.waiting().get(0).waitSeconds()).isGreaterThanOrEqualTo(95);
        assertThat(snapshot.operators()).extracting(QueueSnapshot.Operator::agent)
                .containsExactly("PJSIP/op-ana", "PJSIP/op-ben");
        assertThat(sim.actions("QueueStatus")).hasSize(2);
    }

    @Test
    void shouldKeepTheQueueViewCurrentWhileAnotherListenerIsStuck() {
        // given
        AtomicInteger stuckSaw = new AtomicInteger();
        client.addListener("stuck", event -> {
            stuckSaw.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Live live = Live.wire(Optional.of(client), ref -> Optional.empty(), metrics, Clock.systemUTC());
        AtomicInteger counted = new AtomicInteger();
        client.addListener("counter", event -> {
            if (event instanceof AmiEvent.CallerJoined) {
                counted.incrementAndGet();
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> client.isConnected() && sim.loggedInSessions() == 1);
        // when
        for (int i = 0; i < 1_000; i++) {
            sim.emitRaw(QueueEvents.callerJoin(Caller.bare("1700000000." + i), "operators", i + 1, i + 1));
        }
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> counted.get() == 1_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> live.state().snapshot().waiting().size() == 1_000);
        assertThat(stuckSaw.get()).isEqualTo(1);
        // it holds one event in its hands and QUEUE in its queue; everything else of the 1,000 (+ Connected) is dropped
        Matcher dropped = Pattern.compile("hotline_ami_events_dropped_total\\{listener=\"stuck\",} (\\d+)\\.0")
                .matcher(metrics.scrape());
        assertThat(dropped.find()).isTrue();
        assertThat(Integer.parseInt(dropped.group(1))).isBetween(1_000 - 1 - QUEUE, 1_000 - QUEUE);
        assertThat(metrics.scrape()).doesNotContain("listener=\"live-state\"").doesNotContain("listener=\"counter\"");
        assertThat(client.isConnected()).isTrue();
    }
}
