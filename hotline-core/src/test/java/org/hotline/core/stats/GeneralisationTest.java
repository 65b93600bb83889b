package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.hotline.core.stats.internal.Generalisation;
import org.junit.jupiter.api.Test;

class GeneralisationTest {

    @Test
    void shouldPutAgesIntoCtdcBroadGroups() {
        // given / when / then
        assertThat(Generalisation.ageBroad(Map.of("victimAge", 8))).isEqualTo("0--8");
        assertThat(Generalisation.ageBroad(Map.of("victimAge", 9))).isEqualTo("9--17");
        assertThat(Generalisation.ageBroad(Map.of("age", "17"))).isEqualTo("9--17");
        assertThat(Generalisation.ageBroad(Map.of("victimAge", 18))).isEqualTo("18--20");
        assertThat(Generalisation.ageBroad(Map.of("victimAge", 47))).isEqualTo("39--47");
        assertThat(Generalisation.ageBroad(Map.of("victimAge", 48))).isEqualTo("48+");
    }

    @Test
    void shouldPutTheIntakeFormsAgeGroupsIntoBroadGroups() {
        // given / when / then
        assertThat(Generalisation.ageBroad(Map.of("victimAgeGroup", "adult_18_25"))).isEqualTo("18--25");
        assertThat(Generalisation.ageBroad(Map.of("victimAgeGroup", "adult_26_plus"))).isEqualTo("26+");
        assertThat(Generalisation.ageBroad(Map.of("victimAgeGroup", "child_0_11"))).isEqualTo(Generalisation.AGE_MINOR);
        assertThat(Generalisation.ageBroad(Map.of("victimAgeGroup", "child_12_17", "childInvolved", true)))
                .isEqualTo(Generalisation.AGE_MINOR);
        assertThat(Generalisation.ageBroad(Map.of("victimAgeGroup", "mixed"))).isEqualTo(Generalisation.UNKNOWN);
        assertThat(Generalisation.ageBroad(Map.of("victimAgeGroup", "mixed", "childInvolved", true)))
                .isEqualTo(Generalisation.AGE_MINOR);
        assertThat(Generalisation.ageBroad(Map.of("victimAgeGroup", "about thirty"))).isEqualTo(Generalisation.UNKNOWN);
    }

    @Test
    void shouldCallAChildOfUnknownAgeAMinorAndTreatImpossibleAgesAsUnknown() {
        // given / when / then
        assertThat(Generalisation.ageBroad(Map.of("childInvolved", true))).isEqualTo(Generalisation.AGE_MINOR);
        assertThat(Generalisation.ageBroad(Map.of("victimAge", 482913576))).isEqualTo(Generalisation.UNKNOWN);
        assertThat(Generalisation.ageBroad(Map.of("victimAge", "about thirty"))).isEqualTo(Generalisation.UNKNOWN);
    }

    @Test
    void shouldTurnFreeTextInCategoryFieldsIntoOther() {
        // given
        Map<String, Object> fields = Map.of("exploitationType", "he took our passports at the farm",
                "region", "near Ganta market", "nationality", "Liberian", "gender", "Amara Kollie");
        // when / then
        assertThat(Generalisation.typeOfExploit(fields)).isEqualTo(Generalisation.OTHER);
        assertThat(Generalisation.region(fields)).isEqualTo(Generalisation.OTHER);
        assertThat(Generalisation.citizenship(fields)).isEqualTo(Generalisation.OTHER);
        assertThat(Generalisation.gender(fields)).isEqualTo(Generalisation.OTHER);
    }

    @Test
    void shouldGeneraliseTheDateToYearAndQuarterAndTheStatusToHtcdsCaseStatus() {
        // given
        TipFacts tip = new TipFacts(Map.of("region", "mo", "exploitationType", "forced_labour", "nationality", "lr",
                "gender", "F"), true, Instant.parse("2026-08-14T09:30:00Z"), "REFERRED");
        // when
        ExportRecord r = Anonymiser.generalise(tip, ZoneOffset.UTC);
        // then
        assertThat(r).isEqualTo(new ExportRecord("Unknown", "Female", "LR", "MO", "forced_labour", 2026, "Q3",
                "ClosedReferred"));
    }
}
