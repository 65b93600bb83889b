package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A language being introduced: untranslated prompts play in the default language, logged and counted. */
class PartialLanguageIT {

    @TempDir
    Path dir;

    @Test
    void shouldPlayMissingPromptsInTheDefaultLanguageAndCountThemWhenALanguageIsPartial() throws IOException {
        // given: Swahili offered as key 4, with only the goodbye translated so far
        Files.createDirectories(dir.resolve("prompts"));
        for (String file : List.of("followup.yaml", "survey.yaml", "prompts/en.yaml", "prompts/fr.yaml", "prompts/es.yaml")) {
            Files.copy(FlowHarness.FLOWS.resolve(file), dir.resolve(file));
        }
        Files.writeString(dir.resolve("hotline.yaml"), Files.readString(FlowHarness.FLOWS.resolve("hotline.yaml"))
                .replace("defaultLanguage: en", "defaultLanguage: en\npartialLanguages: [sw]")
                .replace("options: {\"1\": en, \"2\": fr, \"3\": es}", "options: {\"1\": en, \"2\": fr, \"3\": es, \"4\": sw}"));
        Files.writeString(dir.resolve("prompts/sw.yaml"),
                "language: sw\nprompts:\n  goodbye: {file: hotline/goodbye, text: \"Asante kwa kupiga simu.\"}\n");
        List<String> fallbacks = new CopyOnWriteArrayList<>();
        FlowObserver observer = new FlowObserver() {
            @Override
            public void promptFallback(String flowLabel, String language, String promptId) {
                fallbacks.add(flowLabel + " " + language + " " + promptId);
            }
        };

        // when
        CallResult call;
        try (FlowHarness harness = new FlowHarness(dir, FlowOptions.defaults().withObserver(observer))) {
            call = harness.call("hotline", CallerScript.pressing("4").silence()
                    .hangUpWhenPromptStarts("en/hotline/main_menu"));
            // then
            assertThat(harness.intake.tips()).singleElement()
                    .satisfies(tip -> assertThat(tip.language()).isEqualTo("sw"));
        }
        assertThat(call.promptsHeard()).containsExactly("en/hotline/choose_language", "en/hotline/safety_notice",
                "en/hotline/main_menu");
        assertThat(call.variables()).containsEntry("CHANNEL(language)", "sw");
        assertThat(fallbacks).containsExactly("hotline@3 sw safety_notice", "hotline@3 sw main_menu");
    }
}
