package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.pathway.Fixtures.VALID;

import java.util.List;
import java.util.Map;
import org.hotline.pathway.PathwayDiff.Change;
import org.hotline.pathway.PathwayDiff.Kind;
import org.junit.jupiter.api.Test;

class PathwayDiffTest {

    private final Pathway before = Fixtures.valid(VALID);

    @Test
    void shouldFindNoDifferenceBetweenIdenticalVersions() {
        // when
        var diff = PathwayDiff.compare(before, Fixtures.valid(VALID), List.of(Map.of("exploitationType", "forced_labour")));

        // then
        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void shouldNameChangedAgenciesProfilesRulesAndReroutedTips() {
        // given
        var changed = Fixtures.with("{ agency: labour, profile: labour, acknowledge_within: 2d }",
                        "{ agency: labour, profile: labour, acknowledge_within: 1d }")
                .replace("version: \"1\"", "version: \"2\"")
                .replace("fields: [reference, employer, sector, location]", "fields: [reference, employer, sector]")
                .replace("channels: [{ type: sms, number: \"+231770000001\" }]",
                        "channels: [{ type: sms, number: \"+231770000002\" }]")
                .replace("  - id: sexual\n", "  - id: sexual-exploitation\n");
        var after = Fixtures.valid(changed);
        var tips = List.<Map<String, Object>>of(
                Map.of("reference", "T-1", "exploitationType", "forced_labour", "region", "MO"),
                Map.of("reference", "T-2", "exploitationType", "sexual_exploitation", "region", "MO"));

        // when
        var diff = PathwayDiff.compare(before, after, tips);

        // then
        assertThat(diff.fromVersion()).isEqualTo("1");
        assertThat(diff.toVersion()).isEqualTo("2");
        assertThat(diff.agencies()).containsExactly(new Change("labour", Kind.CHANGED,
                List.of("agency.channels[0].number: +231770000001 -> +231770000002")));
        assertThat(diff.profiles()).containsExactly(new Change("labour", Kind.CHANGED,
                List.of("fields: removed [location]")));
        assertThat(diff.rules()).containsExactly(
                new Change("labour", Kind.CHANGED, List.of("refer[0].acknowledge_within: PT48H -> PT24H")),
                new Change("sexual", Kind.REMOVED, List.of()),
                new Change("sexual-exploitation", Kind.ADDED, List.of()));
        assertThat(diff.tips()).singleElement().satisfies(t -> {
            assertThat(t.reference()).isEqualTo("T-1");
            assertThat(t.before()).containsExactly("labour [labour, NORMAL, 2d]");
            assertThat(t.after()).containsExactly("labour [labour, NORMAL, 1d]");
        });
        assertThat(diff.coverage()).isEmpty();
    }

    @Test
    void shouldReportASampleTipWhosePayloadChangesWhenOnlyAProfilesFieldsChange() {
        // given the labour profile drops location and adds the caller's role; routing stays as it was
        var after = Fixtures.valid(Fixtures.with("fields: [reference, employer, sector, location]",
                "fields: [reference, employer, sector, callerRole]"));
        var tips = List.<Map<String, Object>>of(
                Map.of("reference", "T-1", "exploitationType", "forced_labour", "region", "MO",
                        "location", "rubber camp", "employer", "Acme Farm", "callerRole", "witness"),
                Map.of("reference", "T-2", "exploitationType", "sexual_exploitation", "region", "MO",
                        "location", "the bar"));

        // when
        var diff = PathwayDiff.compare(before, after, tips);

        // then the labour tip is reported with what its payload gains and loses, the other tip not at all
        assertThat(diff.profiles()).extracting(Change::id).containsExactly("labour");
        assertThat(diff.tips()).singleElement().satisfies(t -> {
            assertThat(t.reference()).isEqualTo("T-1");
            assertThat(t.before()).isEqualTo(t.after());
            assertThat(t.payload()).containsExactly("labour: now also callerRole; no longer location");
        });
    }

    @Test
    void shouldReportCoverageCellsThatNowFallBack() {
        // given the labour rule is limited to one region
        var after = Fixtures.valid(Fixtures.with("when: { exploitation_type: forced_labour }",
                "when: { exploitation_type: forced_labour, region: MO }"));

        // when
        var diff = PathwayDiff.compare(before, after, List.of());

        // then
        assertThat(diff.coverage()).extracting(c -> c.region() + (c.child() ? "/child" : "/adult"), c -> c.gapAfter())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NI/adult", true),
                        org.assertj.core.groups.Tuple.tuple("NI/child", false));
    }
}
