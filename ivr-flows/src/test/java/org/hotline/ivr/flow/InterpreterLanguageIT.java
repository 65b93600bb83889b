package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A language without prompts offered in the language menu: the caller goes straight to the operator queue with
 * {@code HOTLINE_INTERPRETER} set, over FastAGI from the Asterisk simulator.
 */
class InterpreterLanguageIT {

    private static final String MENU = "options: {\"1\": en, \"2\": fr, \"3\": es}";

    @TempDir
    Path dir;

    private void shippedFlowsWith(String languageMenu) throws IOException {
        Files.createDirectories(dir.resolve("prompts"));
        for (String file : List.of("followup.yaml", "survey.yaml", "prompts/en.yaml", "prompts/fr.yaml", "prompts/es.yaml")) {
            Files.copy(FlowHarness.FLOWS.resolve(file), dir.resolve(file));
        }
        String hotline = Files.readString(FlowHarness.FLOWS.resolve("hotline.yaml"));
        assertThat(hotline).contains(MENU);
        Files.writeString(dir.resolve("hotline.yaml"), hotline.replace(MENU, languageMenu));
    }

    @Test
    void shouldSendACallerWhoseLanguageHasNoPromptsToTheOperatorWithAnInterpreterFlag() throws IOException {
        // given: Arabic (no prompts) on key 4, straight to the operator
        shippedFlowsWith(MENU + "\n    interpreter: {\"4\": ar}\n    onInterpreter: to_operator");
        // when
        CallResult call;
        try (FlowHarness harness = new FlowHarness(dir, FlowOptions.defaults())) {
            call = harness.call("hotline", CallerScript.pressing("4"));
        }
        // then
        assertThat(call.variables()).containsEntry("HOTLINE_INTERPRETER", "ar").containsEntry("HOTLINE_QUEUE", "operators");
        assertThat(call.promptsHeard()).first().isEqualTo("en/hotline/choose_language");
        assertThat(call.promptsHeard()).doesNotContain("en/hotline/safety_notice");
    }

    @Test
    void shouldLeaveNoInterpreterFlagWhenTheCallerChoosesALanguageWithPrompts() throws IOException {
        // given
        shippedFlowsWith(MENU + "\n    interpreter: {\"4\": ar}\n    onInterpreter: to_operator");
        // when
        CallResult call;
        try (FlowHarness harness = new FlowHarness(dir, FlowOptions.defaults())) {
            call = harness.call("hotline", CallerScript.pressing("2").silence()
                    .hangUpWhenPromptStarts("fr/hotline/main_menu"));
        }
        // then
        assertThat(call.variables()).doesNotContainKey("HOTLINE_INTERPRETER").containsEntry("CHANNEL(language)", "fr");
    }

    @Test
    void shouldRejectInterpreterLanguagesWithoutAPlaceToGoOrThatHavePrompts() throws IOException {
        // given: no onInterpreter; fr has prompts; key 1 is already English
        shippedFlowsWith(MENU + "\n    interpreter: {\"4\": fr, \"1\": ar}");
        // when
        FlowLoadResult result = FlowRegistry.check(dir);
        // then
        assertThat(result).isInstanceOfSatisfying(FlowLoadResult.Rejected.class, rejected -> assertThat(
                rejected.problems()).extracting(FlowProblem::message).anySatisfy(m -> assertThat(m).contains("no 'onInterpreter'"))
                .anySatisfy(m -> assertThat(m).contains("'fr' has prompts in this flow"))
                .anySatisfy(m -> assertThat(m).contains("key '1' is used twice")));
    }
}
