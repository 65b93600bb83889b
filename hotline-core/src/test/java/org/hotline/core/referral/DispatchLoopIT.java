package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.referral.DispatchTestBed.DANGER_ONLY;

import java.nio.file.Path;
import java.time.Duration;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.pathway.Pathway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's own threads, as the service runs them. */
class DispatchLoopIT {

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private RecordingAgency police;
    private Pathway pathway;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        police = bed.agency();
        pathway = DispatchTestBed.pathway(police, null);
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldDeliverNewReferralAtOnceWhenCreatedWhileWorkerIdles() {
        // given: a poll interval far longer than the test, so only the wake-up can explain a quick delivery
        Dispatch node = bed.node(DispatchTestBed.config("node-a").pollInterval(Duration.ofHours(1)).build());
        node.worker().start();
        await().atMost(Duration.ofSeconds(5)).until(() -> node.worker().dispatchOnce() == 0);

        // when
        DispatchTestBed.refer(node, "tip-w", "W4K3U", DANGER_ONLY, pathway);

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> police.requests().size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                node.referrals().find("tip-w:police").orElseThrow().state() == ReferralState.DELIVERED);
    }

    @Test
    void shouldDeliverEveryNewReferralAtOnceWhenMoreArriveThanThreadsAreIdle() {
        // given: two threads, and a poll interval far longer than the test, so only wake-ups can explain it
        RecordingAgency labour = bed.agency();
        Pathway both = DispatchTestBed.pathway(police, labour);
        Dispatch node = bed.node(DispatchTestBed.config("node-b").workerThreads(2).pollInterval(Duration.ofHours(1))
                .build());
        node.worker().start();
        await().atMost(Duration.ofSeconds(5)).until(() -> node.worker().dispatchOnce() == 0);

        // when: four tips at once, each referred to police and labour (eight referrals for two threads)
        for (int i = 0; i < 4; i++) {
            DispatchTestBed.refer(node, "tip-m" + i, "M4NY" + i, DispatchTestBed.TIP_FIELDS, both);
        }

        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> police.requests().size() == 4 && labour.requests().size() == 4);
        for (int i = 0; i < 4; i++) {
            String tip = "tip-m" + i;
            await().atMost(Duration.ofSeconds(5)).until(() -> node.referrals().forTip(tip).stream()
                    .allMatch(r -> r.state() == ReferralState.DELIVERED));
        }
        // and stopping wakes the idle threads, which end
        node.worker().stop();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("dispatch-node-b-"));
    }

    @Test
    void shouldPollForDueRetriesAndStopWhenAsked() {
        // given
        police.thenAnswer(503);
        Dispatch node = bed.node(DispatchTestBed.config("node-a").pollInterval(Duration.ofMillis(50)).build());
        DispatchTestBed.refer(node, "tip-p", "P0LL1", DANGER_ONLY, pathway);
        node.worker().start();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                node.referrals().find("tip-p:police").orElseThrow().state() == ReferralState.FAILED);

        // when: the retry falls due and the polling threads find it on their own
        bed.clock.advance(Duration.ofMinutes(1));

        // then
        await().atMost(Duration.ofSeconds(10)).until(() ->
                node.referrals().find("tip-p:police").orElseThrow().state() == ReferralState.DELIVERED);
        node.worker().stop();
        DispatchTestBed.refer(node, "tip-q", "P0LL2", DANGER_ONLY, pathway);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> police.requests().size() == 2);
        assertThat(node.referrals().find("tip-q:police").orElseThrow().state()).isEqualTo(ReferralState.PENDING);
    }
}
