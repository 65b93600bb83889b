package org.hotline.ivr.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.ivr.flow.FlowProblem;
import org.hotline.ivr.flow.FlowRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFlowsCheckTest {

    @TempDir
    Path dir;

    private int copies;

    private List<FlowProblem> problems(String from, String to) throws IOException {
        Path flows = dir.resolve("flows" + ++copies);
        copy(Path.of("flows"), flows);
        Path hotline = flows.resolve("hotline.yaml");
        String text = Files.readString(hotline);
        assertThat(text).contains(from);
        Files.writeString(hotline, text.replace(from, to));
        TextFlows.Result result = TextFlows.check(FlowRegistry.load(flows).current());
        assertThat(result).isInstanceOf(TextFlows.Result.Rejected.class);
        return ((TextFlows.Result.Rejected) result).problems();
    }

    @Test
    void shouldAcceptTheShippedFlows() {
        assertThat(TextFlows.check(FlowRegistry.load(Path.of("flows")).current()))
                .isInstanceOf(TextFlows.Result.Ready.class);
    }

    @Test
    void shouldNameTheLineOfAnAudioOnlyNodeTheTextRulesDoNotSkip() throws IOException {
        // when
        List<FlowProblem> problems = problems("skip: [consent_record, record_message]", "skip: [consent_record]");

        // then: the record node's own line in hotline.yaml
        int line = lineOf(Path.of("flows/hotline.yaml"), "  record_message:");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("'record_message' is audio-only");
        });
    }

    @Test
    void shouldReportEveryProblemOfTheTextSectionAtOnce() throws IOException {
        // when: a skipped menu, a digit keyword, a word with two roles, a prompt no catalogue has
        List<FlowProblem> problems = problems("skip: [consent_record, record_message]",
                "skip: [consent_record, record_message, main_menu]")
                .stream().toList();
        List<FlowProblem> more = problems("danger: {en: [DANGER, SOS]", "danger: {en: [DANGER, SOS, HELP, \"9\"]");
        List<FlowProblem> prompt = problems("goodbye: text_goodbye", "goodbye: text_farewell");

        // then
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .contains("node 'main_menu' is a menu"));
        assertThat(more).extracting(FlowProblem::message).anyMatch(m -> m.contains("'9' must be a word"))
                .anyMatch(m -> m.contains("'HELP' is both a help and a danger keyword"));
        assertThat(prompt).extracting(FlowProblem::message).containsExactly(
                "text prompt 'text_farewell' is missing in the 'en' catalogue",
                "text prompt 'text_farewell' is missing in the 'fr' catalogue",
                "text prompt 'text_farewell' is missing in the 'es' catalogue");
    }

    @Test
    void shouldRefuseAFlowWithoutTextRules() throws IOException {
        // when
        String hotline = Files.readString(Path.of("flows/hotline.yaml"));
        String section = hotline.substring(hotline.indexOf("# How this flow runs over SMS"));
        List<FlowProblem> problems = problems(section, "");

        // then
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("flow hotline: no 'text' section, so it cannot run over SMS or chat"));
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.indexOf(text) + 1;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
