package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShippedFlowsIT {

    static final Path FLOWS = Path.of("flows");
    static final Path SOUNDS = Path.of("..", "ops", "asterisk", "sounds");

    @Test
    void shouldLoadTheShippedFlowsWithoutProblems() {
        // when
        FlowLoadResult result = FlowRegistry.check(FLOWS);

        // then
        assertThat(result).isInstanceOf(FlowLoadResult.Loaded.class);
        FlowSet set = ((FlowLoadResult.Loaded) result).flows();
        assertThat(set.flows()).containsOnlyKeys("hotline", "followup", "survey");
        assertThat(set.catalogues()).containsOnlyKeys("en", "fr", "es");
    }

    @Test
    void shouldHaveEveryUsedPromptInEveryCatalogueAndAsASoundFileInEveryLanguage() {
        // given
        FlowSet set = ((FlowLoadResult.Loaded) FlowRegistry.check(FLOWS)).flows();

        // when
        Set<String> missing = new LinkedHashSet<>();
        for (Flow flow : set.flows().values()) {
            for (String language : flow.languages()) {
                PromptCatalogue catalogue = set.catalogues().get(language);
                for (String promptId : UsedPrompts.of(flow)) {
                    catalogue.find(promptId).ifPresentOrElse(prompt -> {
                        Path wav = SOUNDS.resolve(language).resolve(prompt.file() + ".wav");
                        if (!Files.isRegularFile(wav)) {
                            missing.add("sound " + wav);
                        }
                    }, () -> missing.add("catalogue " + language + " lacks " + promptId));
                }
            }
        }

        // then
        assertThat(missing).isEmpty();
    }
}
