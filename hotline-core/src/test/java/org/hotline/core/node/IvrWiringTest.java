package org.hotline.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.hotline.core.e2e.TestFiles;
import org.hotline.ivr.flow.Choice;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.PathwayLoader;
import org.junit.jupiter.api.Test;

class IvrWiringTest {

    @Test
    void shouldAskTheNationalitiesOfThePathwaysTransnationalSectionThenItsCountryThenOther() throws Exception {
        // given: the national pathway refers Sierra Leonean victims abroad; the country is Liberia
        var pathway = ((LoadResult.Valid) PathwayLoader.load(Files.readString(TestFiles.NATIONAL_PATHWAY),
                "national.yaml", Map.of("HOTLINE_DEMO_AGENCY_URL", "http://127.0.0.1:8089"))).pathway();

        // when
        var menu = IvrWiring.nationalities(pathway);

        // then
        assertThat(menu).containsExactly(new Choice("1", "SL", "nationality_sl"), new Choice("2", "LR", "nationality_lr"),
                new Choice("3", "other", "nationality_other"));
    }
}
