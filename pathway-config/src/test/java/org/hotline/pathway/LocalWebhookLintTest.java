package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.pathway.Fixtures.lineOf;
import static org.hotline.pathway.Fixtures.with;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A node routing real tips refuses webhooks to its own machine; the environment-free lint accepts them. */
class LocalWebhookLintTest {

    private static final String SHIPPED = "${AGENCY_URL:-http://127.0.0.1:8089}";

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089", "http://127.9.9.9", "http://localhost:8080", "http://LOCALHOST.",
            "http://api.localhost", "http://[::1]:8080", "http://169.254.169.254", "http://[fe80::1]",
            "http://[FE80::abcd:1]", "http://0.0.0.0:80", "http://[::]", "http://2130706433",
            "http://[::ffff:127.0.0.1]", "http://0177.0.0.1"})
    void shouldRefuseAWebhookToTheLoadingMachineNamingTheAgencyAndLine(String base) {
        // given
        String doc = with(SHIPPED, base);

        // when
        LoadResult onNode = PathwayLoader.load(doc, "test.yaml", Map.of(), LoadOptions.NO_LOCAL_WEBHOOKS);
        LoadResult linted = PathwayLoader.load(doc, "test.yaml", Map.of());

        // then
        assertThat(onNode).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid) onNode).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.LOCAL_WEBHOOK);
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(lineOf(doc, base));
            assertThat(p.message()).contains("agency 'police'").contains(base);
        });
        assertThat(linted).isInstanceOf(LoadResult.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://police.example.org", "http://10.0.0.5", "http://192.168.1.20:8080",
            "http://[2001:db8::1]", "http://128.0.0.1", "http://169.255.0.1", "http://localhost.example.org"})
    void shouldAcceptAWebhookToAnotherMachine(String base) {
        // given
        String doc = with(SHIPPED, base);

        // when
        LoadResult onNode = PathwayLoader.load(doc, "test.yaml", Map.of(), LoadOptions.NO_LOCAL_WEBHOOKS);

        // then
        assertThat(onNode).as("%s", onNode).isInstanceOf(LoadResult.Valid.class);
    }
}
