package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped JSON schema accepts the shipped examples and rejects what the loader rejects structurally. */
class SchemaIT {

    private static Schema schema() throws IOException {
        try (var in = PathwayLoader.class.getResourceAsStream("/pathway.schema.json")) {
            assertThat(in).as("schema on the classpath").isNotNull();
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"examples/national.yaml", "examples/national-v2.yaml"})
    void shouldAcceptTheShippedExamples(String file) throws IOException {
        // given
        var yaml = Files.readString(Path.of(file));

        // when
        var errors = schema().validate(yaml, InputFormat.YAML);

        // then
        assertThat(errors).isEmpty();
    }

    static List<String> structurallyBroken() {
        return List.of(
                Fixtures.with("  country: LR\n", "  country: LR\n  contry: LR\n"),
                Fixtures.with("    name: Labour inspectorate\n", ""),
                Fixtures.with("when: { immediate_danger: true }", "when: { immediate_danger: [true] }"),
                Fixtures.with("priority: immediate,", "priority: urgent,"),
                Fixtures.with("channels: [{ type: portal }]", "channels: [{ type: fax }]"),
                Fixtures.with("fields: [reference, employer, sector, location]", "fields: [reference, salary]"),
                Fixtures.with("keypad: \"2\"", "keypad: \"12\""));
    }

    @ParameterizedTest
    @MethodSource("structurallyBroken")
    void shouldRejectWhatTheLoaderRejects(String doc) throws IOException {
        // when
        var schemaErrors = schema().validate(doc, InputFormat.YAML);
        var loaded = Fixtures.load(doc);

        // then
        assertThat(schemaErrors).isNotEmpty();
        assertThat(loaded).isInstanceOf(LoadResult.Invalid.class);
    }

    @Test
    void shouldAcceptTheValidFixture() throws IOException {
        // when
        var errors = schema().validate(Fixtures.VALID, InputFormat.YAML);

        // then
        assertThat(errors).isEmpty();
    }
}
