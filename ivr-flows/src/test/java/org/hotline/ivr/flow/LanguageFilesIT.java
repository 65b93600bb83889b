package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.hotline.ivr.server.CallInfo;
import org.hotline.ivr.server.CallObserver;
import org.hotline.ivr.server.SessionOutcome;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A language is a prompt catalogue: a partial one is offered as it is, its missing prompts play in the default
 * language, and it never stops a load (start-up or reload) nor the host's own lists.
 */
class LanguageFilesIT {

    /** Burmese with two prompts translated so far; no flow lists it. */
    static final String PARTIAL_MY = """
            language: my
            prompts:
              safety_notice: {file: hotline/safety_notice, text: "ဤဖုန်းခေါ်ဆိုမှုသည် အခမဲ့ဖြစ်ပြီး လျှို့ဝှက်ထားပါသည်။"}
              goodbye: {file: hotline/goodbye, text: "ဖုန်းခေါ်ဆိုသည့်အတွက် ကျေးဇူးတင်ပါသည်။"}
            """;

    @TempDir
    Path dir;

    @Test
    void shouldLoadAndReloadAlikeWhenACatalogueIsPartialAndListWhatItLacks() throws IOException {
        // given: the shipped flows, then a partial catalogue and a key for it in the language menu
        copyShippedFlows();
        FlowRegistry registry = FlowRegistry.load(dir);
        addPartialBurmese();

        // when: the running node reloads, and a node starts on the same folder
        FlowLoadResult reloaded = registry.reload();
        FlowRegistry restarted = FlowRegistry.load(dir);

        // then: both serve 'my' as a partial language and know the same missing prompts
        assertThat(reloaded).isInstanceOf(FlowLoadResult.Loaded.class);
        for (FlowSet set : List.of(registry.current(), restarted.current())) {
            assertThat(set.languages()).containsExactly("en", "es", "fr", "my");
            assertThat(set.flow("hotline").orElseThrow().offers("my")).isTrue();
            assertThat(set.completeLanguages()).containsExactly("en", "es", "fr");
            assertThat(set.missingPrompts()).containsOnlyKeys("my");
            assertThat(set.missingPrompts().get("my")).contains("main_menu", "region_mo", "fu_enter_pin")
                    .doesNotContain("safety_notice", "goodbye");
        }
    }

    @Test
    void shouldServeACallInAPartialLanguageWithTheHostsListsAndCountItInThatLanguage() throws IOException {
        // given: the host passes its own region list (as hotline-core does from the pathway)
        copyShippedFlows();
        addPartialBurmese();
        FlowOptions options = FlowOptions.defaults().withLists(Map.of("region",
                List.of(new Choice("1", "MO", "region_mo"), new Choice("2", "MG", "region_mg"))));
        Queue<CallInfo> ended = new ConcurrentLinkedQueue<>();
        CallObserver observer = new CallObserver() {
            @Override
            public void callEnded(CallInfo call, SessionOutcome outcome, String status, Duration duration) {
                ended.add(call);
            }
        };

        // when: a caller chooses Burmese (4) and reports forced labour in region 1
        CallResult call;
        try (FlowHarness harness = new FlowHarness(dir, options, observer)) {
            call = harness.call("hotline", CallerScript.pressing("4").silence().press("1").press("1").press("1")
                    .hangUpWhenPromptStarts("en/hotline/ask_nationality"));
            assertThat(harness.intake.tips()).singleElement().satisfies(tip -> {
                assertThat(tip.language()).isEqualTo("my");
                assertThat(tip.answers()).containsEntry("region", "MO");
            });
        }

        // then: translated prompts in Burmese (its sound file is not recorded yet here), the rest in English; the
        // call is counted as a Burmese call
        assertThat(call.commands()).anySatisfy(c -> assertThat(c).startsWith("STREAM FILE \"my/hotline/safety_notice\""));
        assertThat(call.promptsHeard()).containsSubsequence("en/hotline/choose_language", "en/hotline/main_menu",
                "en/hotline/ask_exploitation", "en/hotline/ask_region");
        assertThat(ended).singleElement().satisfies(info -> assertThat(info.language()).isEqualTo("my"));
    }

    private void copyShippedFlows() throws IOException {
        Files.createDirectories(dir.resolve("prompts"));
        try (Stream<Path> files = Files.walk(FlowHarness.FLOWS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(FlowHarness.FLOWS.relativize(file).toString()));
            }
        }
    }

    private void addPartialBurmese() throws IOException {
        Files.writeString(dir.resolve("prompts/my.yaml"), PARTIAL_MY);
        Path hotline = dir.resolve("hotline.yaml");
        Files.writeString(hotline, Files.readString(hotline).replace("options: {\"1\": en, \"2\": fr, \"3\": es}",
                "options: {\"1\": en, \"2\": fr, \"3\": es, \"4\": my}"));
    }
}
