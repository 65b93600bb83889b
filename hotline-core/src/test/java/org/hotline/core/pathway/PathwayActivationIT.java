package org.hotline.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hotline.core.pathway.LifecycleBed.ALICE;
import static org.hotline.core.pathway.LifecycleBed.BOB;
import static org.hotline.core.pathway.LifecycleBed.NATIONAL;
import static org.hotline.core.pathway.LifecycleBed.NATIONAL_V2;
import static org.hotline.core.pathway.LifecycleBed.SUPERVISOR;
import static org.hotline.core.pathway.LifecycleBed.read;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.pathway.PathwayLifecycleException.Kind;
import org.hotline.core.testsupport.AuditScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a stored pathway version routes tips: seeded from the start-up file, activated at its effective time (and
 * never before the file's effective_from), rolled back, and repaired after a crash between two transitions.
 */
class PathwayActivationIT {

    @TempDir
    Path dataDir;

    private LifecycleBed bed;
    private PathwayLifecycle lifecycle;

    @BeforeEach
    void setUp() {
        bed = new LifecycleBed(dataDir);
        lifecycle = bed.lifecycle();
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }
    @Test
    void shouldSeedTheStartUpFileOnceAsTheActiveVersion() {
        // given
        ActivePathway first = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);
        ActivePathway second = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);

        // when
        bed.sync(lifecycle, first).syncOnce();
        bed.sync(bed.lifecycle(bed.secondConnection(), Map.of()), second).syncOnce();

        // then
        assertThat(lifecycle.list()).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(VersionState.ACTIVE);
            assertThat(v.createdBy()).isEqualTo("system");
            assertThat(v.yaml()).isEqualTo(read(NATIONAL));
            // the seeded version carries the warnings `pathway validate` reports for the file (the editor counts them)
            assertThat(v.warnings()).extracting(org.hotline.pathway.Problem::code)
                    .containsExactlyElementsOf(((org.hotline.pathway.LoadResult.Valid) lifecycle.validate(read(NATIONAL),
                            "national.yaml")).warnings().stream().map(org.hotline.pathway.Problem::code).toList())
                    .contains("coverage-gap");
        });
        assertThat(lifecycle.schedule()).hasSize(1);
        String id = lifecycle.list().get(0).id();
        assertThat(first.current().versionId()).contains(id);
        assertThat(second.current().versionId()).contains(id);
        assertThat(bed.auditActions()).containsExactly("pathway.seed system national:2026.1");
    }

    @Test
    void shouldActivateAtTheEffectiveTimeAndNotBefore() {
        // given
        ActivePathway active = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);
        PathwaySync sync = bed.sync(lifecycle, active);
        sync.syncOnce();
        PathwayVersion v2 = bed.approved(lifecycle, NATIONAL_V2);

        // when
        lifecycle.activate(v2.id(), BOB, "new shelter in Nimba", Optional.of(LifecycleBed.T0.plus(Duration.ofHours(1))));
        boolean early = sync.syncOnce();
        bed.clock.advance(Duration.ofMinutes(59));
        boolean stillEarly = sync.syncOnce();
        String before = active.get().version();
        bed.clock.advance(Duration.ofMinutes(1));
        boolean due = sync.syncOnce();

        // then
        assertThat(early).isFalse();
        assertThat(stillEarly).isFalse();
        assertThat(before).isEqualTo("2026.1");
        assertThat(due).isTrue();
        assertThat(active.get().version()).isEqualTo("2026.2");
        assertThat(active.current().versionId()).contains(v2.id());
        assertThat(lifecycle.get(v2.id()).state()).isEqualTo(VersionState.ACTIVE);
        assertThat(lifecycle.get(v2.id()).transitions()).last()
                .satisfies(t -> assertThat(t.at()).isEqualTo(LifecycleBed.T0.plus(Duration.ofHours(1))));
        assertThat(lifecycle.list()).filteredOn(v -> v.version().equals("2026.1")).singleElement()
                .satisfies(v -> assertThat(v.state()).isEqualTo(VersionState.RETIRED));
        assertThat(bed.activeCount()).isEqualTo(1);
        assertThat(bed.auditActions()).contains("pathway.activate.schedule u-bob national:2026.2",
                "pathway.retire system national:2026.1", "pathway.active system national:2026.2");
    }

    @Test
    void shouldHonourTheFilesEffectiveFromWhenActivating() {
        // given an approved version whose file says it is effective from a date still to come
        String text = read(NATIONAL_V2).replace("effective_from: 2026-11-20", "effective_from: 2026-12-01")
                .replace("version: \"2026.2\"", "version: \"2026.3\"");
        PathwayVersion later = lifecycle.createDraft(text, ALICE);
        lifecycle.submit(later.id(), ALICE, "ready");
        lifecycle.approve(later.id(), BOB, "fine");

        // when an administrator activates it at a time before that date, then without a time
        PathwayLifecycleException early = catchThrowableOfType(PathwayLifecycleException.class, () -> lifecycle.activate(
                later.id(), BOB, "go", Optional.of(LifecycleBed.T0.plus(Duration.ofHours(1)))));
        Activation scheduled = lifecycle.activate(later.id(), BOB, "go", Optional.empty());

        // then the early time is refused naming the date, and the plain activation waits for it
        assertThat(early.code()).isEqualTo("before_effective_from");
        assertThat(early.getMessage()).contains("2026-12-01").contains("2026-12-01T00:00:00Z");
        assertThat(scheduled.effectiveAt()).isEqualTo(java.time.Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(lifecycle.schedule()).singleElement()
                .satisfies(a -> assertThat(a.effectiveAt()).isEqualTo(scheduled.effectiveAt()));
    }

    @Test
    void shouldActivateAtOnceAVersionWhoseEffectiveFromHasPassed() {
        // given the shipped revision, effective from a date already past
        PathwayVersion v2 = bed.approved(lifecycle, NATIONAL_V2);

        // when
        Activation activation = lifecycle.activate(v2.id(), BOB, "go", Optional.empty());

        // then
        assertThat(activation.effectiveAt()).isEqualTo(LifecycleBed.T0);
    }

    @Test
    void shouldRefuseToActivateAVersionThatIsNotApprovedOrAnEffectiveTimeInThePast() {
        // given
        PathwayVersion draft = lifecycle.createDraft(read(NATIONAL_V2), ALICE);
        lifecycle.submit(draft.id(), ALICE, "ready");

        // when / then
        assertThatThrownBy(() -> lifecycle.activate(draft.id(), BOB, "go", Optional.empty()))
                .hasFieldOrPropertyWithValue("code", "invalid_state");
        lifecycle.approve(draft.id(), BOB, "fine");
        assertThatThrownBy(() -> lifecycle.activate(draft.id(), BOB, "go",
                Optional.of(LifecycleBed.T0.minusSeconds(1)))).hasFieldOrPropertyWithValue("code", "effective_time_past");
        assertThatThrownBy(() -> lifecycle.activate("0123456789abcdef01234567", BOB, "go", Optional.empty()))
                .hasFieldOrPropertyWithValue("code", "version_not_found");
        assertThat(lifecycle.schedule()).isEmpty();
    }

    @Test
    void shouldRollBackToThePreviousVersion() {
        // given
        ActivePathway active = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);
        PathwaySync sync = bed.sync(lifecycle, active);
        sync.syncOnce();
        String v1 = active.current().versionId().orElseThrow();
        PathwayVersion v2 = bed.approved(lifecycle, NATIONAL_V2);
        lifecycle.activate(v2.id(), BOB, "new shelter in Nimba", Optional.empty());
        sync.syncOnce();
        bed.clock.advance(Duration.ofMinutes(5));

        // when
        Activation rollback = lifecycle.rollback(Optional.empty(), ALICE, "shelter webhook not ready");
        sync.syncOnce();

        // then
        assertThat(rollback.versionId()).isEqualTo(v1);
        assertThat(rollback.kind()).isEqualTo(Activation.Kind.ROLLBACK);
        assertThat(active.get().version()).isEqualTo("2026.1");
        assertThat(lifecycle.get(v1).state()).isEqualTo(VersionState.ACTIVE);
        assertThat(lifecycle.get(v2.id()).state()).isEqualTo(VersionState.RETIRED);
        assertThat(bed.activeCount()).isEqualTo(1);
        assertThat(bed.auditActions()).contains("pathway.rollback u-alice national:2026.1");
    }

    @Test
    void shouldRefuseToRollBackToAVersionThatWasNeverActive() {
        // given
        ActivePathway active = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);
        bed.sync(lifecycle, active).syncOnce();
        PathwayVersion v2 = bed.approved(lifecycle, NATIONAL_V2);

        // when / then
        assertThatThrownBy(() -> lifecycle.rollback(Optional.of(v2.id()), ALICE, "try"))
                .hasFieldOrPropertyWithValue("code", "not_previously_active");
        assertThatThrownBy(() -> lifecycle.rollback(Optional.empty(), ALICE, "try"))
                .hasFieldOrPropertyWithValue("code", "no_earlier_version");
        assertThat(lifecycle.schedule()).hasSize(1);
    }

    @Test
    void shouldRepairStatesLeftByACrashBetweenRetiringAndActivating() {
        // given the old version retired, the new one scheduled but not yet marked ACTIVE (crash in between)
        ActivePathway active = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);
        PathwaySync sync = bed.sync(lifecycle, active);
        sync.syncOnce();
        String v1 = active.current().versionId().orElseThrow();
        PathwayVersion v2 = bed.approved(lifecycle, NATIONAL_V2);
        lifecycle.activate(v2.id(), BOB, "go", Optional.empty());
        lifecycle.store().transition(v1, List.of(VersionState.ACTIVE), new PathwayVersion.Transition(
                VersionState.ACTIVE, VersionState.RETIRED, "u-bob", bed.clock.instant(), "replaced"), Optional.empty());
        assertThat(bed.activeCount()).isZero();

        // when a node (here a fresh one) polls
        ActivePathway restarted = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);
        bed.sync(lifecycle, restarted).syncOnce();

        // then
        assertThat(restarted.get().version()).isEqualTo("2026.2");
        assertThat(lifecycle.get(v2.id()).state()).isEqualTo(VersionState.ACTIVE);
        assertThat(lifecycle.get(v1).state()).isEqualTo(VersionState.RETIRED);
        assertThat(bed.activeCount()).isEqualTo(1);
    }
}
