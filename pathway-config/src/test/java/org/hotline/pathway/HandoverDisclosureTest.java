package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.pathway.Fixtures.VALID;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Disclosure to an agency that gets a case outside routing: a supervisor's reassign, an escalation. */
class HandoverDisclosureTest {

    private final Pathway pathway = Fixtures.valid(VALID);

    private static Map<String, Object> tip(boolean child, boolean danger, Map<String, Boolean> consents) {
        var tip = new HashMap<String, Object>();
        tip.put("reference", "HT-1");
        tip.put("exploitationType", "forced_labour");
        tip.put("region", "MO");
        tip.put("childInvolved", child);
        tip.put("immediateDanger", danger);
        tip.put("location", "farm");
        tip.put("employer", "Acme");
        tip.put("needs", "shelter");
        tip.put("victimNationality", "SL");
        tip.put("callerName", "Musu");
        tip.put("callerPhone", "+231770000123");
        tip.put("narrative", "long story");
        tip.put(TipFields.CONSENTS, consents);
        return tip;
    }

    @Test
    void shouldCutTheTargetsOwnProfileWhenACaseIsHandedToAnotherAgency() {
        // given a labour case handed to the counterpart abroad
        var tip = tip(false, false, Map.of("share_identity_police", true));

        // when
        var audience = pathway.handoverAudience("counterpart", List.of("labour"));
        var disclosure = pathway.disclose(audience, tip);

        // then only the minimal profile travels, never the category or the caller
        assertThat(audience.profileName()).isEqualTo("minimal");
        assertThat(disclosure.payload()).containsOnlyKeys("reference", "victimNationality", "needs");
    }

    @Test
    void shouldWithholdIdentityFromPoliceWhenTheAdultCallerRefusedPoliceConsent() {
        // given
        var tip = tip(false, false, Map.of("share_identity_police", false));

        // when
        var disclosure = pathway.disclose(pathway.handoverAudience("police", List.of("labour")), tip);

        // then
        assertThat(disclosure.payload()).doesNotContainKeys("callerName", "callerPhone");
        assertThat(disclosure.withheld()).containsExactly("callerName", "callerPhone");
        assertThat(disclosure.overrides()).isEmpty();
    }

    @Test
    void shouldApplyAnOverrideOnlyFromACaseRuleThatNamesTheAgency() {
        // given a danger case: the danger rule names police and releases the phone without consent
        var tip = tip(false, true, Map.of());

        // when
        var police = pathway.disclose(pathway.handoverAudience("police", List.of("danger", "labour")), tip);
        var welfare = pathway.disclose(pathway.handoverAudience("welfare", List.of("danger", "labour")), tip);

        // then
        assertThat(police.payload()).containsKey("callerPhone").doesNotContainKey("callerName");
        assertThat(police.overrides()).extracting(Disclosure.AppliedOverride::ruleId).containsExactly("danger");
        assertThat(welfare.payload()).doesNotContainKeys("callerPhone", "callerName");
        assertThat(welfare.overrides()).isEmpty();
    }

    @Test
    void shouldTakeTheNarrowestProfileOfAnAgencyWithSeveral() {
        // given welfare is referred with one profile; police with one; a second profile for police narrows it
        var doc = Fixtures.with("""
                  - { agency: police, profile: police, priority: high, acknowledge_within: 1d }""", """
                  - { agency: police, profile: labour, priority: high, acknowledge_within: 1d }""");
        var narrowed = Fixtures.valid(doc);

        // when
        var audience = narrowed.handoverAudience("police", List.of());
        var disclosure = narrowed.disclose(audience, tip(false, false, Map.of("share_identity_police", true)));

        // then only the fields both profiles list
        assertThat(disclosure.payload()).containsOnlyKeys("reference", "location");
    }

    @Test
    void shouldGiveNothingButTheReferenceWorthOfDataToAnAgencyNoRuleRefersCasesTo() {
        // given a directory agency that no rule, transnational rule or fallback names
        var doc = Fixtures.with("  - id: counterpart\n    name: Counterpart abroad",
                "  - id: ngo\n    name: Unreferred NGO\n    kind: shelter\n    channels: [{ type: portal }]\n"
                        + "  - id: counterpart\n    name: Counterpart abroad");
        var withNgo = Fixtures.valid(doc);

        // when
        var audience = withNgo.handoverAudience("ngo", List.of("labour"));

        // then
        assertThat(audience.profiles()).isEmpty();
        assertThat(withNgo.disclose(audience, tip(false, false, Map.of())).payload()).isEmpty();
    }

    @Test
    void shouldRefuseAnAgencyOutsideTheDirectory() {
        assertThatThrownBy(() -> pathway.handoverAudience("nobody", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
    }
}
