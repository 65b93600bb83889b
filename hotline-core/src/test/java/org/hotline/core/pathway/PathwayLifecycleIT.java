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

/** A pathway version from draft to approval: the two-person rule, lint on every node, reasons and audit. */
class PathwayLifecycleIT {

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
    void shouldKeepEachTransitionsReasonWithTheVersionAndOnlyThatOneWasGivenInTheAuditLog() {
        // given
        PathwayVersion draft = lifecycle.createDraft(read(NATIONAL_V2), ALICE);

        // when
        lifecycle.submit(draft.id(), ALICE, "Minister Dolo asked for the Nimba shelter");
        lifecycle.approve(draft.id(), BOB, "checked with Dolo's office");
        lifecycle.activate(draft.id(), BOB, "live for Dolo", Optional.empty());

        // then
        assertThat(lifecycle.get(draft.id()).transitions()).extracting(PathwayVersion.Transition::reason)
                .contains("Minister Dolo asked for the Nimba shelter", "checked with Dolo's office");
        assertThat(AuditScan.entriesHolding(bed.mongo.database(), "Dolo")).isEmpty();
        assertThat(bed.mongo.database().getCollection("audit_log").find(new org.bson.Document("action",
                new org.bson.Document("$in", List.of("pathway.submit", "pathway.approve", "pathway.activate.schedule"))))
                .map(e -> e.get("details", org.bson.Document.class).getString("reason")).into(new java.util.ArrayList<>()))
                .containsExactly("given", "given", "given");
    }

    @Test
    void shouldRefuseApprovalBySubmitterAndAcceptItFromASecondAdministrator() {
        // given
        PathwayVersion draft = lifecycle.createDraft(read(NATIONAL_V2), ALICE);
        lifecycle.submit(draft.id(), ALICE, "ready for review");

        // when
        var selfApproval = catchThrowableOfType(PathwayLifecycleException.class,
                () -> lifecycle.approve(draft.id(), ALICE, "looks fine to me"));
        PathwayVersion approved = lifecycle.approve(draft.id(), BOB, "second pair of eyes");

        // then
        assertThat(selfApproval.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(selfApproval.code()).isEqualTo("two_person_rule");
        assertThat(approved.state()).isEqualTo(VersionState.APPROVED);
        assertThat(approved.transitions()).extracting(t -> t.to() + " " + t.by() + " " + t.reason()).containsExactly(
                "DRAFT u-alice draft uploaded", "SUBMITTED u-alice ready for review", "APPROVED u-bob second pair of eyes");
        assertThat(bed.auditActions()).containsExactly(
                "pathway.draft.create u-alice national:2026.2",
                "pathway.submit u-alice national:2026.2",
                "pathway.approve.denied u-alice national:2026.2",
                "pathway.approve u-bob national:2026.2");
    }

    @Test
    void shouldRefuseLifecycleChangesFromSomeoneWhoIsNotAMinistryAdministrator() {
        // given
        PathwayVersion draft = lifecycle.createDraft(read(NATIONAL_V2), ALICE);
        lifecycle.submit(draft.id(), ALICE, "ready for review");

        // when / then
        assertThatThrownBy(() -> lifecycle.approve(draft.id(), SUPERVISOR, "ok"))
                .hasFieldOrPropertyWithValue("code", "not_ministry_admin");
        assertThatThrownBy(() -> lifecycle.createDraft(read(NATIONAL), SUPERVISOR))
                .hasFieldOrPropertyWithValue("code", "not_ministry_admin");
        assertThat(lifecycle.get(draft.id()).state()).isEqualTo(VersionState.SUBMITTED);
        assertThat(lifecycle.list()).hasSize(1);
    }

    @Test
    void shouldStoreNothingFromAnInvalidFileAndReportEveryProblemWithItsLine() {
        // given
        String broken = read(NATIONAL).replace("agency: lnp-wacps", "agency: no-such-agency")
                .replace("profile: labour", "profile: no-such-profile");

        // when
        var refused = catchThrowableOfType(PathwayLifecycleException.class,
                () -> lifecycle.createDraft(broken, ALICE));

        // then
        assertThat(refused.code()).isEqualTo("pathway_invalid");
        assertThat(refused.problems()).extracting(p -> p.code()).contains("unknown-agency", "unknown-profile");
        assertThat(refused.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
        assertThat(lifecycle.list()).isEmpty();
        assertThat(bed.auditActions()).isEmpty();
    }

    @Test
    void shouldKeepTheDraftTextWhenAReplacementIsInvalid() {
        // given
        PathwayVersion draft = lifecycle.createDraft(read(NATIONAL_V2), ALICE);

        // when
        assertThatThrownBy(() -> lifecycle.replaceDraft(draft.id(), "pathway: [unclosed", ALICE))
                .hasFieldOrPropertyWithValue("code", "pathway_invalid");

        // then
        assertThat(lifecycle.get(draft.id()).yaml()).isEqualTo(read(NATIONAL_V2));
    }

    @Test
    void shouldReplaceADraftButNothingOnceSubmitted() {
        // given
        PathwayVersion draft = lifecycle.createDraft(read(NATIONAL), ALICE);

        // when
        PathwayVersion replaced = lifecycle.replaceDraft(draft.id(), read(NATIONAL_V2), BOB);
        lifecycle.submit(draft.id(), ALICE, "final text");

        // then
        assertThat(replaced.version()).isEqualTo("2026.2");
        assertThat(replaced.yaml()).isEqualTo(read(NATIONAL_V2));
        assertThatThrownBy(() -> lifecycle.replaceDraft(draft.id(), read(NATIONAL), ALICE))
                .hasFieldOrPropertyWithValue("code", "invalid_state");
        assertThat(lifecycle.get(draft.id()).yaml()).isEqualTo(read(NATIONAL_V2));
    }

    @Test
    void shouldRefuseASecondVersionWithTheSameNumber() {
        // given
        lifecycle.createDraft(read(NATIONAL), ALICE);

        // when / then
        assertThatThrownBy(() -> lifecycle.createDraft(read(NATIONAL), BOB))
                .hasFieldOrPropertyWithValue("code", "version_exists");
        assertThat(lifecycle.list()).hasSize(1);
    }

    @Test
    void shouldRefuseToSubmitAVersionWithLintErrorsOnThisNode() {
        // given a draft whose webhook address needs a variable this (second) node does not set
        String needsVariable = read(NATIONAL_V2).replaceFirst("\\$\\{HOTLINE_DEMO_AGENCY_URL:-[^}]*}",
                "\\${POLICE_GATEWAY}");
        PathwayLifecycle uploader = bed.lifecycle(bed.mongo, Map.of("POLICE_GATEWAY", "https://police.example.gov"));
        PathwayVersion draft = uploader.createDraft(needsVariable, ALICE);

        // when
        var refused = catchThrowableOfType(PathwayLifecycleException.class,
                () -> lifecycle.submit(draft.id(), ALICE, "ready"));

        // then
        assertThat(refused.code()).isEqualTo("pathway_invalid");
        assertThat(refused.problems()).extracting(p -> p.code()).contains("unresolved-variable");
        assertThat(lifecycle.get(draft.id()).state()).isEqualTo(VersionState.DRAFT);
    }

    @Test
    void shouldRequireAReasonForEveryTransition() {
        // given
        PathwayVersion draft = lifecycle.createDraft(read(NATIONAL_V2), ALICE);

        // when / then
        assertThatThrownBy(() -> lifecycle.submit(draft.id(), ALICE, "  "))
                .hasFieldOrPropertyWithValue("code", "reason_required");
        assertThatThrownBy(() -> lifecycle.submit(draft.id(), ALICE, "x".repeat(501)))
                .hasFieldOrPropertyWithValue("code", "reason_too_long");
        assertThat(lifecycle.get(draft.id()).state()).isEqualTo(VersionState.DRAFT);
    }
}
