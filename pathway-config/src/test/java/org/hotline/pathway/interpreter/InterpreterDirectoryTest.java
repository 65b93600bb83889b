package org.hotline.pathway.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.hotline.pathway.Problem;
import org.junit.jupiter.api.Test;

class InterpreterDirectoryTest {

    private static final String DIRECTORY = """
            zone: Africa/Monrovia
            interpreters:
              - id: lingua-fr
                language: fr
                name: Lingua (French)
                endpoint: PJSIP/+231770000101@pstn-trunk
                hours: ["mon-fri 08:00-18:00"]
              - id: relay-fr
                language: fr
                name: Relay (French, nights)
                endpoint: PJSIP/interp-fr-night
              - id: relay-ar
                language: ar
                name: Relay (Arabic)
                endpoint: PJSIP/interp-ar
            """;

    private static InterpreterDirectory valid(String yaml) {
        var result = InterpreterDirectory.parse(yaml, "interpreters.yaml");
        assertThat(result).isInstanceOf(InterpreterDirectory.Result.Valid.class);
        return ((InterpreterDirectory.Result.Valid) result).directory();
    }

    @Test
    void shouldPickTheFirstInterpreterOfTheLanguageWhoseHoursAreOpen() {
        // given
        var directory = valid(DIRECTORY);
        // Monrovia is UTC+0: Tuesday 10:00 is inside lingua-fr's hours, Tuesday 21:00 outside
        var tuesdayMorning = Instant.parse("2026-12-08T10:00:00Z");
        var tuesdayNight = Instant.parse("2026-12-08T21:00:00Z");

        // when / then
        assertThat(directory.available("fr", tuesdayMorning)).map(Interpreter::id).contains("lingua-fr");
        assertThat(directory.available("fr", tuesdayNight)).map(Interpreter::id).contains("relay-fr");
        assertThat(directory.available("kpe", tuesdayMorning)).isEmpty();
        assertThat(directory.languages()).containsExactly("ar", "fr");
    }

    @Test
    void shouldReportEveryProblemWithItsLine() {
        // given
        var yaml = """
                zone: Mars/Olympus
                interpreters:
                  - id: lingua-fr
                    language: French
                    name: Lingua
                    endpoint: "PJSIP/a, b"
                    hours: ["weekdays 8-18"]
                  - id: lingua-fr
                    language: fr
                    name: Lingua again
                    endpoint: PJSIP/x
                  - language: ar
                    name: nobody
                    endpoint: PJSIP/y
                    phone: 123
                """;

        // when
        var result = InterpreterDirectory.parse(yaml, "interpreters.yaml");

        // then
        assertThat(result).isInstanceOfSatisfying(InterpreterDirectory.Result.Invalid.class, invalid -> assertThat(
                invalid.problems()).extracting(Problem::line, Problem::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "invalid-value"),
                        org.assertj.core.groups.Tuple.tuple(4, "invalid-value"),
                        org.assertj.core.groups.Tuple.tuple(6, "invalid-value"),
                        org.assertj.core.groups.Tuple.tuple(7, "invalid-value"),
                        org.assertj.core.groups.Tuple.tuple(8, "duplicate-id"),
                        org.assertj.core.groups.Tuple.tuple(12, "missing-key"),
                        org.assertj.core.groups.Tuple.tuple(15, "unknown-key")));
    }

    @Test
    void shouldAcceptTheShippedExample() throws Exception {
        // given
        var text = Files.readString(Path.of("examples/interpreters.yaml"));
        // when
        var directory = valid(text);
        // then
        assertThat(directory.languages()).containsExactly("ar", "fr", "kpe");
    }
}
