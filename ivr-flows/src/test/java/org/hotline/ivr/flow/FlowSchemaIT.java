package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped JSON schema accepts the shipped flows and rejects structural mistakes the loader also rejects. */
class FlowSchemaIT {

    private static Schema schema() throws IOException {
        try (InputStream in = FlowRegistry.class.getResourceAsStream("/flow.schema.json")) {
            assertThat(in).as("flow.schema.json on the classpath").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hotline.yaml", "followup.yaml", "survey.yaml"})
    void shouldAcceptTheShippedFlows(String file) throws IOException {
        // when
        var errors = schema().validate(Files.readString(FlowHarness.FLOWS.resolve(file)), InputFormat.YAML);

        // then
        assertThat(errors).isEmpty();
    }

    static List<String> broken() {
        return List.of(
                FlowValidationIT.VALID.replace("kind: play", "kind: plya"),
                FlowValidationIT.VALID.replace("next: bye", "nxt: bye"),
                FlowValidationIT.VALID.replace("\"2\": bye", "\"12\": bye"),
                FlowValidationIT.VALID.replace("version: 1", "version: one"),
                FlowValidationIT.VALID.replace("start: menu\n", ""));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void shouldRejectWhatTheLoaderRejects(String flow) throws IOException {
        // given
        Path dir = Files.createTempDirectory("flow-schema");
        Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(dir.resolve("small.yaml"), flow);

        // when
        var errors = schema().validate(flow, InputFormat.YAML);

        // then
        assertThat(errors).isNotEmpty();
        assertThat(FlowRegistry.check(dir)).isInstanceOf(FlowLoadResult.Rejected.class);
    }
}
