package org.hotline.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hotline.pathway.cli.PathwayCli;
import org.junit.jupiter.api.Test;

/** The coverage matrix in the root README is what the CLI prints for the shipped national pathway today. */
class ReadmeCoverageIT {

    @Test
    void shouldShowTheCurrentCoverageMatrixOfTheNationalPathwayInTheReadme() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int exit = PathwayCli.run(new String[] {"coverage", LifecycleBed.NATIONAL.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

        // then
        String printed = out.toString(StandardCharsets.UTF_8);
        String matrix = printed.substring(printed.indexOf("Coverage of pathway")).strip();
        assertThat(exit).isEqualTo(PathwayCli.OK);
        assertThat(matrix).contains("8 of 128 cells reach only the fallback");
        assertThat(LifecycleBed.read(LifecycleBed.REPO.resolve("README.md"))).contains(matrix);
    }
}
