package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.referral.DispatchTestBed.DANGER_ONLY;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deadline sweep on its own schedule: no dispatch thread runs it, and a step wakes the dispatch threads. */
class DeadlineScheduleIT {

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private Dispatch node;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        node = bed.node(DispatchTestBed.config("node-a").build());
        bed.insertTip("tip-s", "SCH3D", DANGER_ONLY);
        DispatchTestBed.refer(node, "tip-s", "SCH3D", DANGER_ONLY, DispatchTestBed.pathway(bed.agency(), null));
        node.worker().dispatchOnce();
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldSweepDeadlinesOnItsOwnThreadAndWakeDispatchWhenItTookAStep() {
        // given: no dispatch thread is running at all, the police window has passed
        AtomicInteger wakeUps = new AtomicInteger();
        bed.clock.advance(Duration.ofMinutes(31));
        // when
        try (DeadlineSchedule schedule = new DeadlineSchedule(node.deadlines(), Duration.ofMillis(50),
                wakeUps::incrementAndGet)) {
            schedule.start("node-a");
            // then: the reminder step is taken and dispatch is told, once (the next window has not passed)
            await().atMost(Duration.ofSeconds(20)).until(() -> wakeUps.get() == 1);
            assertThat(bed.mongo.database().getCollection(DeadlineSweeper.ESCALATIONS)
                    .countDocuments(new Document("referralId", "tip-s:police"))).isEqualTo(1);
        }
        // and: closed, it sweeps no more
        bed.clock.advance(Duration.ofMinutes(31));
        assertThat(node.deadlines().sweepOnce()).isEqualTo(1);
        assertThat(wakeUps.get()).isEqualTo(1);
    }
}
