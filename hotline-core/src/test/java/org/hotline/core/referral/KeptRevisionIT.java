package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.testsupport.SteppingClock;
import org.hotline.core.tip.TipRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A form or emergency kept during a MongoDB outage is replayed after a crash: the tip changes once. */
class KeptRevisionIT {

    @TempDir
    Path dir;

    private CaseBed bed;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-03T10:00:00Z"));

    @BeforeEach
    void start() {
        bed = new CaseBed(dir);
        bed.parts(ActivePathway.fromFile(TestFiles.NATIONAL_PATHWAY, TestFiles.LOCAL_AGENCIES).get(), clock);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void shouldApplyAKeptEmergencyOnceHoweverOftenItIsReplayed() {
        // given a stored tip
        String tipId = bed.storeTip("100000031", "ivr", "COMPLETED", Map.of("exploitationType", "forced_labour",
                "region", "MO"), List.of(), null);
        TipRepository.Revision kept = TipRepository.Revision.emergency("olu", clock.instant(), "men with guns")
                .kept("kept-1");

        // when the kept emergency is applied, then replayed twice
        int first = bed.tips.revise(tipId, kept);
        int again = bed.tips.revise(tipId, kept);
        int third = bed.tips.revise(tipId, kept);

        // then it counted once
        assertThat(again).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        Document stored = bed.tip(tipId);
        assertThat(stored.getList("emergencies", Document.class)).hasSize(1);
        assertThat(stored.getList("keptFormsApplied", String.class)).containsExactly("kept-1");

        // and another kept item, or a change made now, is a change of its own
        assertThat(bed.tips.revise(tipId, TipRepository.Revision.emergency("olu", clock.instant(), "again")
                .kept("kept-2"))).isEqualTo(first + 1);
        assertThat(bed.tips.revise(tipId, TipRepository.Revision.emergency("olu", clock.instant(), "now")))
                .isEqualTo(first + 2);
    }
}
