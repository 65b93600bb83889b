package org.hotline.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hotline.core.pathway.LifecycleBed.ALICE;
import static org.hotline.core.pathway.LifecycleBed.NATIONAL_V2;
import static org.hotline.core.pathway.LifecycleBed.read;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.pathway.PathwayLifecycleException.Kind;
import org.hotline.pathway.ProblemCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outside demo mode a node refuses a pathway whose webhooks point at its own machine (the shipped examples
 * point at the demo receiver on 127.0.0.1), both as its start-up file and through the lifecycle.
 */
class LocalWebhooksIT {

    @TempDir
    Path dir;

    private LifecycleBed bed;

    @BeforeEach
    void setUp() {
        bed = new LifecycleBed(dir.resolve("mongo"));
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldRefuseADraftWithAWebhookToThisMachineOutsideDemoModeNamingTheAgencyAndLine() {
        // given: a node's lifecycle with no demo mode and nothing else set
        PathwayLifecycle production = new PathwayLifecycle(bed.mongo, bed.audit(bed.mongo), Map.of(), bed.clock, 256 * 1024);
        String yaml = read(NATIONAL_V2);

        // when
        var refused = catchThrowableOfType(PathwayLifecycleException.class, () -> production.createDraft(yaml, ALICE));

        // then: one error per webhook, each naming its agency and line; nothing stored
        assertThat(refused.kind()).isEqualTo(Kind.INVALID);
        assertThat(refused.problems()).filteredOn(p -> ProblemCodes.LOCAL_WEBHOOK.equals(p.code())).hasSize(6)
                .anySatisfy(p -> {
                    assertThat(p.message()).contains("agency 'lnp-ahtu'").contains("http://127.0.0.1:8089/agencies/lnp-ahtu");
                    assertThat(p.line()).isEqualTo(lineOf(yaml, "/agencies/lnp-ahtu"));
                });
        assertThat(production.list()).isEmpty();
    }

    @Test
    void shouldAcceptTheSameDraftInDemoMode() {
        // given
        PathwayLifecycle demo = new PathwayLifecycle(bed.mongo, bed.audit(bed.mongo), Map.of("HOTLINE_DEMO", "true"),
                bed.clock, 256 * 1024);

        // when
        PathwayVersion draft = demo.createDraft(read(NATIONAL_V2), ALICE);

        // then
        assertThat(draft.state()).isEqualTo(VersionState.DRAFT);
    }

    @Test
    void shouldRefuseToStartANodeOutsideDemoModeWhosePathwayFileSendsToThisMachine() {
        // given: the shipped pathway, whose webhooks default to the demo receiver on 127.0.0.1
        Map<String, String> env = Map.of("HOTLINE_DATA_DIR", dir.resolve("data").toString(), "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0", "HOTLINE_PATHWAY_FILE", TestFiles.NATIONAL_PATHWAY.toString(),
                "HOTLINE_FLOWS_DIR", TestFiles.FLOWS.toString());
        int line = lineOf(read(TestFiles.NATIONAL_PATHWAY), "/agencies/lnp-ahtu");

        // when / then
        assertThatThrownBy(() -> Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC()).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("national.yaml:" + line + ":")
                .hasMessageContaining("local-webhook: agency 'lnp-ahtu'")
                .hasMessageContaining("HOTLINE_DEMO=true");
    }

    private static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + marker);
    }
}
