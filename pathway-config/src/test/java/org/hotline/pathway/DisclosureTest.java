package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.pathway.Fixtures.VALID;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisclosureTest {

    private final Pathway pathway = Fixtures.valid(VALID);

    private static Map<String, Object> tip(boolean child, boolean danger, Map<String, Boolean> consents) {
        var tip = new HashMap<String, Object>();
        tip.put("reference", "HT-1234");
        tip.put("exploitationType", "sexual_exploitation");
        tip.put("region", "MO");
        tip.put("childInvolved", child);
        tip.put("immediateDanger", danger);
        tip.put("location", "Red Light market");
        tip.put("perpetrator", "club owner");
        tip.put("needs", "shelter");
        tip.put("callerName", "Musu");
        tip.put("callerPhone", "+231770000123");
        tip.put("narrative", "long story");
        tip.put(TipFields.CONSENTS, consents);
        return tip;
    }

    private Recipient police(Map<String, Object> tip) {
        return pathway.route(TipFields.facts(tip)).recipients().stream()
                .filter(r -> r.agencyId().equals("police")).findFirst().orElseThrow();
    }

    @Test
    void shouldWithholdCallerIdentityFromPoliceWithoutConsent() {
        // given
        var tip = tip(false, false, Map.of("share_identity_police", false));

        // when
        var disclosure = pathway.disclose(police(tip), tip);

        // then
        assertThat(disclosure.payload()).containsOnlyKeys("reference", "exploitationType", "region", "location",
                "perpetrator");
        assertThat(disclosure.withheld()).containsExactly("callerName", "callerPhone");
        assertThat(disclosure.overrides()).isEmpty();
        assertThat(pathway.payloadFor(police(tip), tip)).isEqualTo(disclosure.payload());
    }

    @Test
    void shouldShareCallerIdentityWithPoliceWhenTheCallerConsented() {
        // given
        var tip = tip(false, false, Map.of("share_identity_police", true));

        // when
        var disclosure = pathway.disclose(police(tip), tip);

        // then
        assertThat(disclosure.payload()).containsEntry("callerName", "Musu")
                .containsEntry("callerPhone", "+231770000123");
        assertThat(disclosure.withheld()).isEmpty();
        assertThat(disclosure.overrides()).isEmpty();
    }

    @Test
    void shouldApplyTheDangerOverrideOnlyToItsFieldsAndReportIt() {
        // given
        var tip = tip(false, true, Map.of());

        // when
        var disclosure = pathway.disclose(police(tip), tip);

        // then
        assertThat(disclosure.payload()).containsEntry("callerPhone", "+231770000123").doesNotContainKey("callerName");
        assertThat(disclosure.withheld()).containsExactly("callerName");
        assertThat(disclosure.overrides()).containsExactly(new Disclosure.AppliedOverride("danger", "callerPhone",
                "share_identity_police", "immediate_danger", "locate the person in danger"));
    }

    @Test
    void shouldApplyAChildOverrideWhenAChildIsInvolved() {
        // given a child rule that releases the caller's name to the police
        var doc = Fixtures.with("      - { agency: police, profile: police, priority: high, acknowledge_within: 4h }\n",
                "      - { agency: police, profile: police, priority: high, acknowledge_within: 4h }\n"
                        + "    consent_override: { when: child_involved, fields: [callerName], reason: best interests of the child }\n");
        var p = Fixtures.valid(doc);
        var tip = tip(true, false, Map.of());
        var police = p.route(TipFields.facts(tip)).recipients().stream()
                .filter(r -> r.agencyId().equals("police")).findFirst().orElseThrow();

        // when
        var disclosure = p.disclose(police, tip);

        // then
        assertThat(disclosure.payload()).containsEntry("callerName", "Musu").doesNotContainKey("callerPhone");
        assertThat(disclosure.overrides()).extracting(Disclosure.AppliedOverride::ruleId,
                        Disclosure.AppliedOverride::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("child", "best interests of the child"));
    }

    @Test
    void shouldGiveEachRecipientOnlyItsProfileFieldsInCanonicalOrder() {
        // given
        var tip = tip(true, false, Map.of());
        var welfare = pathway.route(TipFields.facts(tip)).recipients().getFirst();

        // when
        var payload = pathway.payloadFor(welfare, tip);

        // then
        assertThat(welfare.agencyId()).isEqualTo("welfare");
        assertThat(List.copyOf(payload.keySet())).containsExactly("reference", "region", "needs");
    }

    @Test
    void shouldAcceptConsentsAsAListOfPurposes() {
        // given
        var tip = tip(false, false, Map.of());
        tip.put(TipFields.CONSENTS, List.of("share_identity_police"));

        // when
        var disclosure = pathway.disclose(police(tip), tip);

        // then
        assertThat(disclosure.payload()).containsKeys("callerName", "callerPhone");
    }

    @Test
    void shouldRefuseARecipientThatThisVersionDidNotRoute() {
        // given
        var stranger = new Recipient("police", "Police", "police", Set.of("reference"), Recipient.Priority.HIGH,
                java.time.Duration.ofHours(1), List.of(), List.of(), List.of("no-such-rule"));

        // when / then
        assertThatThrownBy(() -> pathway.disclose(stranger, tip(false, false, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-rule");
    }
}
