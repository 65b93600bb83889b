package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each validation rule on small flow files written to a temporary folder; problems carry file and line. */
class FlowValidationIT {

    /** A small valid flow; line numbers below refer to this text. */
    static final String VALID = """
            id: small
            version: 1
            languages: [en, fr]
            defaultLanguage: en
            start: menu
            defaults: {retries: 1, timeoutMs: 3000, onFail: bye}
            globalKeys: {onDanger: danger, onOperator: bye}
            prompts: {invalid: invalid_key, noInput: no_input, press: press}
            nodes:
              menu:
                kind: menu
                prompt: main_menu
                options:
                  "1": info
                  "2": bye
              info:
                kind: play
                prompt: help_self
                next: bye
              bye:
                kind: hangup
                prompt: goodbye
              danger:
                kind: emergency
                prompt: connecting_emergency
            """;

    @TempDir
    Path dir;

    private List<FlowProblem> problems(String flow) throws IOException {
        return problems(flow, "main_menu help_self goodbye connecting_emergency invalid_key no_input press");
    }

    private List<FlowProblem> problems(String flow, String frenchPrompts) throws IOException {
        write(flow, frenchPrompts);
        FlowLoadResult result = FlowRegistry.check(dir);
        return result instanceof FlowLoadResult.Rejected rejected ? rejected.problems() : List.of();
    }

    private void write(String flow, String frenchPrompts) throws IOException {
        Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(dir.resolve("small.yaml"), flow);
        Files.writeString(dir.resolve("prompts/en.yaml"),
                catalogue("en", "main_menu help_self goodbye connecting_emergency invalid_key no_input press"));
        Files.writeString(dir.resolve("prompts/fr.yaml"), catalogue("fr", frenchPrompts));
    }

    private static String catalogue(String language, String ids) {
        StringBuilder yaml = new StringBuilder("language: " + language + "\nprompts:\n");
        for (String id : ids.split(" ")) {
            yaml.append("  ").append(id).append(": {file: hotline/").append(id).append(", text: \"").append(id)
                    .append("\"}\n");
        }
        return yaml.toString();
    }

    @Test
    void shouldAcceptTheSmallFlow() throws IOException {
        assertThat(problems(VALID)).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownNodeReferenceWithItsLine() throws IOException {
        // when
        List<FlowProblem> problems = problems(VALID.replace("next: bye", "next: by"));

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("small.yaml");
            assertThat(p.line()).isEqualTo(19);
            assertThat(p.message()).contains("unknown node 'by'");
        });
    }

    @Test
    void shouldRejectASurveyOfferIntoAFlowThatCapturesATipWithItsLine() throws IOException {
        // when: the small flow (which captures tips) offers itself as the survey
        List<FlowProblem> problems = problems(VALID.replace("info:\n    kind: play\n    prompt: help_self\n",
                "info:\n    kind: survey_offer\n    flow: small\n"));

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(18);
            assertThat(p.message()).contains("offers survey flow 'small' that captures a tip");
        });
    }

    @Test
    void shouldRejectSurveyCodesThatAreNotPlainWordsAndKeysThatClashWithAGlobalKey() throws IOException {
        // when
        List<FlowProblem> problems = problems(VALID.replace("info:\n    kind: play\n    prompt: help_self\n",
                "info:\n    kind: survey_question\n    prompt: help_self\n    question: Was it OK\n"
                        + "    values: {\"1\": \"yes\", \"9\": \"no way\"}\n"));

        // then
        assertThat(problems).extracting(FlowProblem::message).anySatisfy(m -> assertThat(m)
                .contains("question code 'Was it OK' must be a lower-case word"))
                .anySatisfy(m -> assertThat(m).contains("answer code 'no way' for key 9 must be a lower-case word"))
                .anySatisfy(m -> assertThat(m).contains("key '9' clashes with a global key"));
        assertThat(problems).extracting(FlowProblem::line).containsOnly(16);
    }

    @Test
    void shouldRejectAnUnreachableNode() throws IOException {
        // when
        List<FlowProblem> problems = problems(VALID + "  orphan:\n    kind: hangup\n    prompt: goodbye\n");

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(26);
            assertThat(p.message()).contains("'orphan' is unreachable");
        });
    }

    @Test
    void shouldRejectAMenuWithoutExit() throws IOException {
        // when
        List<FlowProblem> problems = problems(VALID.replace("\"1\": info", "\"1\": menu")
                .replace("\"2\": bye", "\"2\": menu").replace("next: bye", "next: menu")
                .replace("menu:\n    kind: menu", "menu:\n    kind: menu\n    maxVisits: 2\n    onExhausted: bye"));

        // then
        assertThat(problems).extracting(FlowProblem::message).anyMatch(m -> m.contains("menu 'menu' has no exit"));
    }

    @Test
    void shouldRejectALoopWithoutRetryBound() throws IOException {
        // when
        List<FlowProblem> problems = problems(VALID.replace("next: bye", "next: menu"));

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("loop through [info, menu] has no retry bound");
        });
    }

    @Test
    void shouldAcceptALoopWithAVisitBound() throws IOException {
        // when
        List<FlowProblem> problems = problems(VALID.replace("next: bye", "next: menu")
                .replace("prompt: help_self", "prompt: help_self\n    maxVisits: 3\n    onExhausted: bye"));

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldRejectAPromptMissingInOneLanguage() throws IOException {
        // when
        List<FlowProblem> problems = problems(VALID,
                "main_menu goodbye connecting_emergency invalid_key no_input press");

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(18);
            assertThat(p.message()).isEqualTo("prompt 'help_self' is missing in language 'fr'");
        });
    }

    @Test
    void shouldRejectAKeyUsedTwiceInAMenu() throws IOException {
        // when
        List<FlowProblem> problems = problems(VALID.replace("\"2\": bye", "\"1\": bye"));

        // then
        assertThat(problems).extracting(FlowProblem::line, FlowProblem::message)
                .anyMatch(t -> t.toList().equals(List.of(15, "flow.nodes.menu.options: key '1' appears twice")));
    }

    @Test
    void shouldRejectAMenuKeyClashingWithAGlobalKey() throws IOException {
        // when
        List<FlowProblem> problems = problems(VALID.replace("\"2\": bye", "\"9\": bye"));

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("key '9' clashes with a global key");
        });
    }

    @Test
    void shouldRejectAnUnknownKindAndMalformedYaml() throws IOException {
        // when
        List<FlowProblem> unknownKind = problems(VALID.replace("kind: play", "kind: plya"));
        List<FlowProblem> malformed = problems(VALID.replace("options:", "options: [").replace("  \"2\": bye", ""));

        // then
        assertThat(unknownKind).extracting(FlowProblem::message).anyMatch(m -> m.contains("unknown kind 'plya'"));
        assertThat(malformed).singleElement().satisfies(p -> assertThat(p.message()).startsWith("not valid YAML"));
    }

    @Test
    void shouldReportEveryProblemWithItsLineAtOnce() throws IOException {
        // when
        List<FlowProblem> problems = problems(VALID.replace("next: bye", "next: nowhere")
                .replace("\"2\": bye", "\"0\": bye")
                + "  orphan:\n    kind: hangup\n    prompt: goodbye\n",
                "main_menu goodbye connecting_emergency invalid_key no_input press");

        // then
        assertThat(problems).extracting(FlowProblem::line).containsExactlyInAnyOrder(19, 26, 10, 18);
        assertThat(problems).extracting(FlowProblem::toString).allMatch(s -> s.startsWith("small.yaml:"));
    }

    static java.util.stream.IntStream lines() {
        return java.util.stream.IntStream.range(0, (int) VALID.lines().count());
    }

    @ParameterizedTest(name = "line {0} removed")
    @MethodSource("lines")
    void shouldReportProblemsNotCrashWhenAnyLineIsMissing(int line) throws IOException {
        // given
        List<String> lines = new java.util.ArrayList<>(VALID.lines().toList());
        lines.remove(line);

        // when
        write(String.join("\n", lines) + "\n", "main_menu help_self goodbye connecting_emergency invalid_key no_input press");
        FlowLoadResult result = FlowRegistry.check(dir);

        // then: either still valid (an optional line) or rejected with located problems
        if (result instanceof FlowLoadResult.Rejected rejected) {
            assertThat(rejected.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
        }
    }

    @Test
    void shouldKeepServingTheRunningFlowWhenAReloadFindsProblems() throws IOException {
        // given
        write(VALID, "main_menu help_self goodbye connecting_emergency invalid_key no_input press");
        FlowRegistry registry = FlowRegistry.load(dir);
        FlowSet running = registry.current();
        Files.writeString(dir.resolve("small.yaml"), VALID.replace("version: 1", "version: 2")
                .replace("next: bye", "next: by"));

        // when
        FlowLoadResult result = registry.reload();

        // then
        assertThat(result).isInstanceOf(FlowLoadResult.Rejected.class);
        assertThat(registry.current()).isSameAs(running);
        assertThat(registry.current().flow("small").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void shouldServeTheNewVersionWhenAReloadIsValid() throws IOException {
        // given
        write(VALID, "main_menu help_self goodbye connecting_emergency invalid_key no_input press");
        FlowRegistry registry = FlowRegistry.load(dir);
        Files.writeString(dir.resolve("small.yaml"), VALID.replace("version: 1", "version: 2"));

        // when
        FlowLoadResult result = registry.reload();

        // then
        assertThat(result).isInstanceOf(FlowLoadResult.Loaded.class);
        assertThat(registry.current().flow("small").orElseThrow().label()).isEqualTo("small@2");
    }

    @Test
    void shouldRefuseToStartWhenTheFlowsAreInvalid() throws IOException {
        // given
        write(VALID.replace("next: bye", "next: by"), "main_menu help_self goodbye");

        // when / then
        assertThatThrownBy(() -> FlowRegistry.load(dir)).isInstanceOf(InvalidFlowsException.class)
                .hasMessageContaining("small.yaml:19").hasMessageContaining("missing in language 'fr'");
    }
}
