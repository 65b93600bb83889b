package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.hotline.bench.ivr.DatabaseMode;
import org.junit.jupiter.api.Test;

class BenchArgsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void shouldRunTheShortPlanWithEveryKindIntoTheResultsFolderByDefault() {
        // when
        BenchMain.Args args = BenchMain.Args.parse(new String[0], REPO);

        // then
        assertThat(args.plan().mode()).isEqualTo("short");
        assertThat(args.kinds()).containsExactly("ivr", "intake", "dispatch", "pathway", "text", "danger");
        assertThat(args.out()).isEqualTo(REPO.resolve("ops/bench/results"));
    }

    @Test
    void shouldTakeTheFullPlanChosenKindsOutputAndDispatchRate() {
        // when
        BenchMain.Args args = BenchMain.Args.parse(
                new String[] {"--full", "--only", "ivr,pathway", "--out", "/tmp/x", "--dispatch-rate", "7.5"}, REPO);

        // then
        assertThat(args.plan().mode()).isEqualTo("full");
        assertThat(args.plan().ivr().steps()).containsExactly(100, 1_000, 5_000, 10_000);
        assertThat(args.plan().dispatchTipsPerSecond()).isEqualTo(7.5);
        assertThat(args.kinds()).containsExactly("ivr", "pathway");
        assertThat(args.out()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void shouldRunOnlyTheChosenIvrStepsWithThePlansPacing() {
        // when
        BenchMain.Args args = BenchMain.Args.parse(new String[] {"--full", "--calls", "1000"}, REPO);

        // then
        assertThat(args.plan().mode()).isEqualTo("full");
        assertThat(args.plan().ivr().steps()).containsExactly(1_000);
        assertThat(args.plan().ivr().pacing()).isEqualTo(BenchPlan.full().ivr().pacing());
        assertThat(args.plan().ivr().ramp()).isEqualTo(BenchPlan.full().ivr().ramp());
    }

    @Test
    void shouldMeasureBothDatabaseDeploymentsByDefaultAndOnlyTheChosenOnesWithDb() {
        // when
        BenchMain.Args quick = BenchMain.Args.parse(new String[0], REPO);
        BenchMain.Args full = BenchMain.Args.parse(new String[] {"--full"}, REPO);
        BenchMain.Args separate = BenchMain.Args.parse(new String[] {"--db", "separate", "--full"}, REPO);
        BenchMain.Args reordered = BenchMain.Args.parse(new String[] {"--db", "separate,embedded"}, REPO);
        BenchMain.Args split = BenchMain.Args.parse(new String[] {"--db", "split,embedded"}, REPO);

        // then
        assertThat(quick.plan().ivr().databases()).containsExactly(DatabaseMode.EMBEDDED, DatabaseMode.SEPARATE);
        assertThat(full.plan().ivr().databases()).containsExactly(DatabaseMode.EMBEDDED, DatabaseMode.SEPARATE);
        assertThat(separate.plan().ivr().databases()).containsExactly(DatabaseMode.SEPARATE);
        assertThat(separate.plan().mode()).isEqualTo("full");
        assertThat(separate.plan().realPacing()).isTrue();
        assertThat(quick.plan().realPacing()).isFalse();
        assertThat(reordered.plan().ivr().databases()).containsExactly(DatabaseMode.EMBEDDED, DatabaseMode.SEPARATE);
        // the split-role deployment only when asked for (it adds a back-office node and its steps to the run)
        assertThat(split.plan().ivr().databases()).containsExactly(DatabaseMode.EMBEDDED, DatabaseMode.SPLIT);
    }

    @Test
    void shouldRefuseUnknownArgumentsKindsMissingValuesAndBadRates() {
        assertThatThrownBy(() -> BenchMain.Args.parse(new String[] {"--fast"}, REPO))
                .hasMessageContaining("unknown argument '--fast'");
        assertThatThrownBy(() -> BenchMain.Args.parse(new String[] {"--only", "ivr,disk"}, REPO))
                .hasMessageContaining("unknown benchmark 'disk'");
        assertThatThrownBy(() -> BenchMain.Args.parse(new String[] {"--out"}, REPO))
                .hasMessageContaining("--out needs a value");
        assertThatThrownBy(() -> BenchMain.Args.parse(new String[] {"--only", "--full"}, REPO))
                .hasMessageContaining("--only needs a value");
        assertThatThrownBy(() -> BenchMain.Args.parse(new String[] {"--dispatch-rate", "fast"}, REPO))
                .hasMessageContaining("needs a number");
        assertThatThrownBy(() -> BenchMain.Args.parse(new String[] {"--dispatch-rate", "-1"}, REPO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchMain.Args.parse(new String[] {"--calls", "1k"}, REPO))
                .hasMessageContaining("--calls needs call counts");
        assertThatThrownBy(() -> BenchMain.Args.parse(new String[] {"--calls", "0"}, REPO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchMain.Args.parse(new String[] {"--db", "embedded,remote"}, REPO))
                .hasMessageContaining("unknown database deployment 'remote' (known: embedded, separate, split)");
        assertThatThrownBy(() -> BenchMain.Args.parse(new String[] {"--db"}, REPO))
                .hasMessageContaining("--db needs a value");
    }
}
