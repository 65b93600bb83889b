package org.hotline.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.pathway.LifecycleBed.BOB;
import static org.hotline.core.pathway.LifecycleBed.NATIONAL;
import static org.hotline.core.pathway.LifecycleBed.NATIONAL_V2;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.e2e.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes share one MongoDB; an activation made through one reaches both without a restart. */
class HotReloadIT {

    @TempDir
    Path dataDir;

    private LifecycleBed bed;

    @BeforeEach
    void setUp() {
        bed = new LifecycleBed(dataDir);
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldSwapThePathwayOnEveryNodeWhenAVersionIsActivated() {
        // given two nodes, each with its own connection, pathway holder and poller
        PathwayLifecycle nodeA = bed.lifecycle();
        PathwayLifecycle nodeB = bed.lifecycle(bed.secondConnection(), Map.of());
        ActivePathway activeA = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);
        ActivePathway activeB = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);
        bed.sync(nodeA, activeA).start(Duration.ofMillis(50));
        bed.sync(nodeB, activeB).start(Duration.ofMillis(50));
        await().atMost(Duration.ofSeconds(10)).until(() -> activeA.current().versionId().isPresent()
                && activeB.current().versionId().isPresent());
        PathwayVersion v2 = bed.approved(nodeA, NATIONAL_V2);

        // when activated through node A
        nodeA.activate(v2.id(), BOB, "new shelter in Nimba", Optional.empty());

        // then both nodes route by it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(activeA.current().versionId()).contains(v2.id());
            assertThat(activeB.current().versionId()).contains(v2.id());
        });
        assertThat(activeB.get().version()).isEqualTo("2026.2");
        assertThat(bed.activeCount()).isEqualTo(1);
        assertThat(bed.auditActions()).filteredOn(a -> a.startsWith("pathway.active ")).hasSize(1);
    }
}
