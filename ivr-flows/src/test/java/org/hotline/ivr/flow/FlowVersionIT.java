package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads while calls run, and keypad lists passed in by the host. */
class FlowVersionIT {

    @TempDir
    Path dir;

    private void copyShippedFlows() throws IOException {
        Files.createDirectories(dir.resolve("prompts"));
        for (String file : List.of("hotline.yaml", "followup.yaml", "survey.yaml", "prompts/en.yaml", "prompts/fr.yaml",
                "prompts/es.yaml")) {
            Files.copy(FlowHarness.FLOWS.resolve(file), dir.resolve(file));
        }
    }

    @Test
    void shouldFinishACallOnTheVersionItStartedWhenTheFlowIsReloadedMidCall() throws Exception {
        // given: a call held inside intake at the reference node
        copyShippedFlows();
        try (FlowHarness harness = new FlowHarness(dir, FlowOptions.defaults())) {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            harness.intake.hold(entered, release);
            CompletableFuture<CallResult> first = harness.callAsync("hotline", CallerScript.pressing("1").silence()
                    .press("1").press("1").press("1").press("2").press("2").press("2").press("2").press("2")
                    .press("2").press("2").press("2"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            // when: version 4 reads the reference with another prompt, and is loaded while the call waits
            Files.writeString(dir.resolve("hotline.yaml"), Files.readString(dir.resolve("hotline.yaml"))
                    .replace("version: 3", "version: 4").replace("prompt: your_reference", "prompt: your_pin"));
            assertThat(harness.registry.reload()).isInstanceOf(FlowLoadResult.Loaded.class);
            release.countDown();
            harness.intake.hold(null, null);
            CallResult old = first.get(10, TimeUnit.SECONDS);
            CallResult next = harness.call("hotline", CallerScript.pressing("1").silence().press("4"));

            // then
            assertThat(old.promptsHeard()).contains("en/hotline/your_reference");
            assertThat(harness.intake.tips()).extracting(tip -> tip.flowVersion())
                    .containsExactly("hotline@3", "hotline@4");
            assertThat(next.status()).isEqualTo("OPERATOR");
        }
    }

    @Test
    void shouldOfferTheRegionsTheHostPassesIn() throws Exception {
        // given: two regions from the pathway configuration, announced with existing prompts
        FlowOptions options = FlowOptions.defaults().withLists(Map.of("region", List.of(
                new Choice("1", "GB", "region_gb"), new Choice("2", "LO", "region_lo"))));
        try (FlowHarness harness = new FlowHarness(FlowHarness.FLOWS, options)) {
            // when: listen to the whole region list, then choose 2
            CallResult call = harness.call("hotline", CallerScript.pressing("1").silence().press("1").press("1")
                    .silence().silence().silence().silence().silence().silence().press("2").hangUp());

            // then
            assertThat(call.promptsHeard()).containsSubsequence("en/hotline/ask_region", "en/hotline/region_gb",
                    "en/hotline/press", "en/hotline/region_lo", "en/hotline/press", "en/hotline/ask_nationality");
            assertThat(call.digitsSaid()).containsSubsequence("1", "2");
            assertThat(harness.intake.tips().getFirst().answers()).containsEntry("region", "LO");
        }
    }

    @Test
    void shouldRefuseHostListsWhosePromptsAreMissing() {
        // given
        FlowRegistry registry = FlowRegistry.load(FlowHarness.FLOWS);
        FlowOptions options = FlowOptions.defaults().withLists(Map.of("region", List.of(
                new Choice("1", "XX", "region_xx"))));

        // when / then
        assertThatThrownBy(() -> HotlineFlows.script(registry, new RecordingIntake(), new InMemoryDesk(), options,
                new MutableClock())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lists.region: prompt 'region_xx' missing in 'en'");
    }
}
