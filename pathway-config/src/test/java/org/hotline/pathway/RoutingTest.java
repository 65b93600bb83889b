package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.pathway.Fixtures.VALID;

import java.time.Duration;
import java.util.Set;
import org.hotline.pathway.Recipient.Priority;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private final Pathway pathway = Fixtures.valid(VALID);

    private static TipFacts tip(String type, String region, boolean child, boolean danger, String nationality,
            boolean crossBorder, Set<String> consents) {
        return new TipFacts(type, region, child, danger, nationality, crossBorder, "victim", consents);
    }

    @Test
    void shouldReferImmediateDangerToPoliceWithTheShortestDeadline() {
        // when
        var routing = pathway.route(tip("forced_labour", "MO", false, true, null, false, Set.of()));

        // then
        assertThat(routing.fallbackUsed()).isFalse();
        assertThat(routing.recipients()).extracting(Recipient::agencyId).containsExactly("police", "labour");
        var police = routing.recipients().getFirst();
        assertThat(police.priority()).isEqualTo(Priority.IMMEDIATE);
        assertThat(police.acknowledgeWithin()).isEqualTo(Duration.ofMinutes(30));
        assertThat(police.matchedRules()).containsExactly("danger");
        assertThat(police.escalationChain()).containsExactly("supervisor");
        assertThat(police.channels()).singleElement().isEqualTo(
                new Channel.Webhook("http://127.0.0.1:8089/agencies/police", "POLICE_SECRET"));
    }

    @Test
    void shouldReferChildrenToSocialWelfareAndFollowTheAgencyEscalation() {
        // when
        var routing = pathway.route(tip("forced_labour", "NI", true, false, null, false, Set.of()));

        // then
        assertThat(routing.recipients()).extracting(Recipient::agencyId).containsExactly("welfare", "police", "labour");
        var welfare = routing.recipients().getFirst();
        assertThat(welfare.acknowledgeWithin()).isEqualTo(Duration.ofHours(4));
        assertThat(welfare.escalationChain()).containsExactly("coordinator");
        assertThat(welfare.fields()).containsExactlyInAnyOrder("reference", "region", "needs", "victimAgeGroup");
    }

    @Test
    void shouldMergeOneAgencyMatchedByManyRulesIntoOneRecipient() {
        // when: danger, child and sexual exploitation all refer to the police
        var routing = pathway.route(tip("sexual_exploitation", "MO", true, true, null, false, Set.of()));

        // then
        var police = routing.recipients().stream().filter(r -> r.agencyId().equals("police")).toList();
        assertThat(police).singleElement().satisfies(r -> {
            assertThat(r.matchedRules()).containsExactly("danger", "child", "sexual");
            assertThat(r.priority()).isEqualTo(Priority.IMMEDIATE);
            assertThat(r.acknowledgeWithin()).isEqualTo(Duration.ofMinutes(30));
            assertThat(r.profile()).isEqualTo("police");
        });
    }

    @Test
    void shouldUniteTheProfilesAndEscalationsOfMergedReferrals() {
        // given the police also receive sexual exploitation tips with the minimal profile and their own chain
        var p = Fixtures.valid(Fixtures.with(
                "- { agency: police, profile: police, priority: high, acknowledge_within: 1d }",
                "- { agency: police, profile: police, priority: high, acknowledge_within: 1d }\n"
                        + "      - { agency: police, profile: minimal, priority: low, acknowledge_within: 2h,"
                        + " escalation: [coordinator] }"));
        var tip = new java.util.HashMap<String, Object>(java.util.Map.of("reference", "T-9",
                "exploitationType", "sexual_exploitation", "region", "MO", "victimNationality", "GN",
                "perpetrator", "X"));

        // when
        var police = p.route(TipFields.facts(tip)).recipients().getFirst();
        var payload = p.payloadFor(police, tip);

        // then
        assertThat(police.profile()).isEqualTo("police+minimal");
        assertThat(police.matchedRules()).containsExactly("sexual");
        assertThat(police.priority()).isEqualTo(Priority.HIGH);
        assertThat(police.acknowledgeWithin()).isEqualTo(Duration.ofHours(2));
        assertThat(police.escalationChain()).containsExactly("supervisor", "coordinator");
        assertThat(police.fields()).contains("perpetrator", "victimNationality", "callerName");
        assertThat(payload).containsOnlyKeys("reference", "exploitationType", "region", "victimNationality",
                "perpetrator");
    }

    @Test
    void shouldUseTheFallbackWhenNoRuleMatches() {
        // when: nothing known about the tip
        var routing = pathway.route(new TipFacts(null, null, false, false, null, false, null, Set.of()));

        // then
        assertThat(routing.fallbackUsed()).isTrue();
        assertThat(routing.recipients()).singleElement().satisfies(r -> {
            assertThat(r.agencyId()).isEqualTo("coordinator");
            assertThat(r.matchedRules()).containsExactly("fallback");
            assertThat(r.acknowledgeWithin()).isEqualTo(Duration.ofDays(1));
            assertThat(r.priority()).isEqualTo(Priority.NORMAL);
        });
        assertThat(routing.pathwayId()).isEqualTo("test");
        assertThat(routing.pathwayVersion()).isEqualTo("1");
    }

    @Test
    void shouldReferForeignVictimsAbroadOnlyWithConsent() {
        // when
        var withConsent = pathway.route(tip("forced_labour", "MO", false, false, "sl", false, Set.of("share_services")));
        var withoutConsent = pathway.route(tip("forced_labour", "MO", false, false, "SL", false, Set.of()));

        // then
        assertThat(withConsent.recipients()).extracting(Recipient::agencyId).containsExactly("labour", "counterpart");
        assertThat(withConsent.recipients().get(1).matchedRules()).containsExactly("tn-sl");
        assertThat(withoutConsent.recipients()).extracting(Recipient::agencyId).containsExactly("labour");
    }

    @Test
    void shouldMatchCrossBorderAndRegionConditions() {
        // given
        var doc = Fixtures.with("transnational:\n", """
                  - id: border-mo
                    when: { cross_border: true, region: [MO] }
                    refer:
                      - { agency: counterpart, profile: minimal, acknowledge_within: 2d }
                transnational:
                """);
        var p = Fixtures.valid(doc);

        // when
        var inRegion = p.route(tip("sexual_exploitation", "MO", false, false, null, true, Set.of()));
        var otherRegion = p.route(tip("sexual_exploitation", "NI", false, false, null, true, Set.of()));
        var notCrossing = p.route(tip("sexual_exploitation", "MO", false, false, null, false, Set.of()));

        // then
        assertThat(inRegion.recipients()).extracting(Recipient::agencyId).containsExactly("police", "counterpart");
        assertThat(otherRegion.recipients()).extracting(Recipient::agencyId).containsExactly("police");
        assertThat(notCrossing.recipients()).extracting(Recipient::agencyId).containsExactly("police");
    }

    @Test
    void shouldRouteTheSameTipTheSameWayEveryTime() {
        // given
        var facts = tip("sexual_exploitation", "MO", true, true, "SL", true, Set.of("share_services"));

        // when
        var first = pathway.route(facts);
        var again = Fixtures.valid(VALID).route(facts);

        // then
        assertThat(again).isEqualTo(first);
    }

    @Test
    void shouldExposeTheIvrMenusFromTheFile() {
        // then
        assertThat(pathway.regionKeypad()).containsExactly(
                java.util.Map.entry("1", "MO"), java.util.Map.entry("2", "NI"));
        assertThat(pathway.exploitationTypes()).containsExactly("forced_labour", "sexual_exploitation");
        assertThat(pathway.agency("welfare")).get().extracting(Agency::kind).isEqualTo("social_welfare");
        assertThat(pathway.agency("nobody")).isEmpty();
    }

    @Test
    void shouldResolveWebhookUrlsFromTheGivenEnvironment() {
        // when
        var result = PathwayLoader.load(VALID, "test.yaml", java.util.Map.of("AGENCY_URL", "http://10.0.0.5:9000"));

        // then
        assertThat(result).isInstanceOfSatisfying(LoadResult.Valid.class, v ->
                assertThat(v.pathway().agency("police").orElseThrow().channels()).singleElement()
                        .isEqualTo(new Channel.Webhook("http://10.0.0.5:9000/agencies/police", "POLICE_SECRET")));
    }
}
