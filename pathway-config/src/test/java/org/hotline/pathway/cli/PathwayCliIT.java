package org.hotline.pathway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI over real files: readable output and exit codes 0 / 1 / 2. */
class PathwayCliIT {

    private static final String NATIONAL = "examples/national.yaml";
    private static final String V2 = "examples/national-v2.yaml";
    private static final String TIPS = "examples/sample-tips.yaml";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PathwayCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldValidateTheShippedPathway() {
        // when
        var run = run("validate", NATIONAL);

        // then
        assertThat(run.exit()).isEqualTo(PathwayCli.OK);
        assertThat(run.out()).contains("examples/national.yaml: valid - pathway national version 2026.1")
                .contains("warning coverage-gap");
    }

    @Test
    void shouldListEveryProblemWithLineNumbersAndExitOneForAnInvalidFile() throws IOException {
        // given
        var text = Files.readString(Path.of(NATIONAL))
                .replace("agency: mol-labour\n        profile: labour", "agency: mol-labor\n        profile: labour")
                .replace("acknowledge_within: 30m", "acknowledge_within: soon");
        var file = dir.resolve("broken.yaml");
        Files.writeString(file, text);

        // when
        var run = run("validate", file.toString());

        // then
        assertThat(run.exit()).isEqualTo(PathwayCli.PROBLEMS);
        assertThat(run.err())
                .contains(file + ":" + line(text, "acknowledge_within: soon") + ":")
                .contains("error invalid-value")
                .contains(file + ":" + line(text, "agency: mol-labor") + ":")
                .contains("error unknown-agency: unknown agency 'mol-labor' (did you mean 'mol-labour'?) (at rules[2].refer[0].agency)")
                .contains("INVALID - 2 error(s)");
    }

    @Test
    void shouldSimulateTipsShowingRecipientsPayloadsAndOverrides() {
        // when
        var run = run("simulate", NATIONAL, TIPS);

        // then
        assertThat(run.exit()).isEqualTo(PathwayCli.OK);
        assertThat(run.out()).contains("Tip 2 HT-DEMO-002: sexual_exploitation, region MO, IMMEDIATE DANGER")
                .contains("-> lnp-ahtu (Liberia National Police - Anti-Human Trafficking Unit)")
                .contains("IMMEDIATE, acknowledge within 30m, profile police")
                .contains("CONSENT OVERRIDE: callerPhone shared without share_identity_police by rule immediate-danger")
                .contains("withheld (no consent): callerName, callerPhone")
                .contains("| employer: plantation contractor")
                .contains("no rule matched: fallback");
    }

    @Test
    void shouldDiffTwoVersionsWithSampleTips() {
        // when
        var run = run("diff", NATIONAL, V2, "--tips", TIPS);

        // then
        assertThat(run.exit()).isEqualTo(PathwayCli.OK);
        assertThat(run.out()).contains("Changes from version 2026.1 to 2026.2")
                .contains("+ gn-counterpart")
                .contains("refer[0].acknowledge_within: PT30M -> PT15M")
                .contains("Sample tips routed or disclosed differently: 3")
                .contains("after:  lnp-ahtu [police, IMMEDIATE, 15m]")
                .contains("payload mol-labour: now also victimAgeGroup");
    }

    @Test
    void shouldPrintTheCoverageMatrix() {
        // when
        var run = run("coverage", NATIONAL);

        // then
        assertThat(run.exit()).isEqualTo(PathwayCli.OK);
        assertThat(run.out()).contains("forced_labour        adult  all regions            mol-labour")
                .contains("(FALLBACK ONLY - gap)")
                .contains("8 of 128 cells reach only the fallback");
    }

    @Test
    void shouldShowTheCurrentCoverageMatrixInTheReadme() throws IOException {
        // when
        var run = run("coverage", NATIONAL);

        // then
        var matrix = run.out().substring(run.out().indexOf("Coverage of pathway"));
        var table = matrix.substring(matrix.indexOf('\n') + 1);
        assertThat(Files.readString(Path.of("README.md"))).contains(table.strip());
    }

    @Test
    void shouldExitOneWhenTheTipsFileIsInvalid() throws IOException {
        // given
        var tips = dir.resolve("tips.yaml");
        Files.writeString(tips, "- reference: T-1\n  colour: red\n");

        // when
        var run = run("simulate", NATIONAL, tips.toString());

        // then
        assertThat(run.exit()).isEqualTo(PathwayCli.PROBLEMS);
        assertThat(run.err()).contains(tips + ":2:3: error unknown-key");
    }

    @Test
    void shouldExitTwoOnUsageErrors() {
        // when
        var none = run();
        var unknown = run("publish", NATIONAL);
        var missingArgument = run("simulate", NATIONAL);
        var missingFile = run("validate", "no/such/file.yaml");
        var dangling = run("diff", NATIONAL, V2, "--tips");

        // then
        assertThat(java.util.List.of(none, unknown, missingArgument, missingFile, dangling))
                .allSatisfy(r -> {
                    assertThat(r.exit()).isEqualTo(PathwayCli.USAGE);
                    assertThat(r.err()).contains("usage: hotline pathway validate FILE");
                });
        assertThat(unknown.err()).contains("unknown command 'publish'");
        assertThat(missingFile.err()).contains("cannot read no/such/file.yaml");
    }

    private static int line(String text, String marker) {
        return text.substring(0, text.indexOf(marker)).split("\n", -1).length;
    }
}
