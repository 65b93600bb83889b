package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.pathway.PathwaySimulator.Delivery;
import org.hotline.pathway.PathwaySimulator.Outcome;
import org.junit.jupiter.api.Test;

/** The shipped examples load, simulate, diff and cover as documented. */
class ExamplesIT {

    private static final Map<String, String> NO_ENV = Map.of();

    static Pathway example(String name, Map<String, String> env) throws IOException {
        var result = PathwayLoader.load(Files.readString(Path.of("examples", name)), name, env);
        assertThat(result).as("%s", result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid) result).pathway();
    }

    static List<Map<String, Object>> sampleTips() throws IOException {
        var parsed = SampleTips.parse(Files.readString(Path.of("examples/sample-tips.yaml")), "sample-tips.yaml");
        assertThat(parsed).as("%s", parsed).isInstanceOf(SampleTips.Result.Parsed.class);
        return ((SampleTips.Result.Parsed) parsed).tips();
    }

    private static Delivery delivery(Outcome outcome, String agencyId) {
        return outcome.deliveries().stream().filter(d -> d.recipient().agencyId().equals(agencyId)).findFirst()
                .orElseThrow(() -> new AssertionError(agencyId + " not among " + outcome.routing()));
    }

    @Test
    void shouldLoadTheNationalPathwayWithOnlyTheDocumentedCoverageGap() throws IOException {
        // when
        var result = PathwayLoader.load(Files.readString(Path.of("examples/national.yaml")), "national.yaml", NO_ENV);

        // then
        assertThat(result).isInstanceOfSatisfying(LoadResult.Valid.class, v -> {
            assertThat(v.warnings()).extracting(Problem::code).containsExactly(ProblemCodes.COVERAGE_GAP);
            assertThat(v.warnings().getFirst().message()).startsWith("adult other tips");
            assertThat(v.pathway().regionKeypad().keySet()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
            assertThat(v.pathway().exploitationTypes()).containsExactlyElementsOf(TipFields.EXPLOITATION_TYPES);
        });
        assertThat(PathwayLoader.load(Files.readString(Path.of("examples/national-v2.yaml")), "v2", NO_ENV))
                .isInstanceOfSatisfying(LoadResult.Valid.class, v -> assertThat(v.warnings()).isEmpty());
    }

    @Test
    void shouldPointEveryExampleWebhookAtTheConfiguredAgencyReceiver() throws IOException {
        // when
        var pathway = example("national.yaml", Map.of("HOTLINE_DEMO_AGENCY_URL", "http://127.0.0.1:40123"));
        var defaults = example("national.yaml", NO_ENV);

        // then
        var webhooks = pathway.agencies().stream().flatMap(a -> a.channels().stream()
                .filter(Channel.Webhook.class::isInstance).map(c -> Map.entry(a.id(), ((Channel.Webhook) c).url())))
                .toList();
        assertThat(webhooks).hasSize(6).allSatisfy(e ->
                assertThat(e.getValue()).isEqualTo("http://127.0.0.1:40123/agencies/" + e.getKey()));
        assertThat(((Channel.Webhook) defaults.agency("nattf").orElseThrow().channels().getFirst()).url())
                .isEqualTo("http://127.0.0.1:8089/agencies/nattf");
    }

    @Test
    void shouldSimulateTheSampleTipsAsDocumented() throws IOException {
        // when
        var outcomes = PathwaySimulator.simulate(example("national.yaml", NO_ENV), sampleTips());

        // then
        assertThat(outcomes).hasSize(6);
        var labour = outcomes.get(0);
        assertThat(labour.routing().recipients()).extracting(Recipient::agencyId).containsExactly("mol-labour");
        assertThat(delivery(labour, "mol-labour").disclosure().payload()).containsKeys("employer", "sector")
                .doesNotContainKeys("callerName", "callerPhone", "narrative");

        var danger = outcomes.get(1);
        assertThat(danger.routing().recipients()).extracting(Recipient::agencyId)
                .containsExactly("lnp-ahtu", "lnp-wacps", "safe-haven");
        assertThat(delivery(danger, "lnp-ahtu").disclosure().overrides()).extracting(o -> o.field())
                .containsExactly("callerName", "callerPhone");
        assertThat(delivery(danger, "lnp-wacps").disclosure().withheld()).containsExactly("callerName", "callerPhone");

        var child = outcomes.get(2);
        assertThat(child.routing().recipients().getFirst().agencyId()).isEqualTo("mgcsp-cp");

        var foreign = outcomes.get(3);
        assertThat(foreign.routing().recipients()).extracting(Recipient::agencyId)
                .containsExactly("mol-labour", "lis", "sl-counterpart");
        assertThat(delivery(foreign, "sl-counterpart").disclosure().payload()).containsOnlyKeys(
                "reference", "language", "victimAgeGroup", "victimGender", "victimNationality", "needs");

        var unclear = outcomes.get(4);
        assertThat(unclear.routing().fallbackUsed()).isTrue();
        assertThat(unclear.routing().recipients()).extracting(Recipient::agencyId).containsExactly("nattf");

        var begging = outcomes.get(5);
        assertThat(delivery(begging, "mgcsp-cp").recipient().matchedRules())
                .containsExactly("child-involved", "forced-begging");
    }

    @Test
    void shouldNeverReleaseIdentityWithoutConsentOrALoggedOverride() throws IOException {
        // given
        var pathway = example("national.yaml", NO_ENV);

        // when
        var outcomes = PathwaySimulator.simulate(pathway, sampleTips());

        // then
        int released = 0;
        for (var outcome : outcomes) {
            var consents = TipFields.consents(outcome.tip().get(TipFields.CONSENTS));
            for (var d : outcome.deliveries()) {
                var overridden = d.disclosure().overrides().stream().map(o -> o.field()).toList();
                var purposes = java.util.Arrays.stream(d.recipient().profile().split("\\+"))
                        .map(id -> pathway.definition().profile(id).orElseThrow()).toList();
                for (var field : TipFields.IDENTITY_FIELDS) {
                    if (d.disclosure().payload().containsKey(field)) {
                        released++;
                        var consented = purposes.stream().map(p -> p.requiresConsent().get(field))
                                .anyMatch(consents::contains);
                        assertThat(consented || overridden.contains(field))
                                .as("%s to %s", field, d.recipient().agencyId()).isTrue();
                    }
                }
            }
        }
        assertThat(released).as("identity fields released somewhere in the samples").isPositive();
    }

    @Test
    void shouldDiffTheTwoShippedVersions() throws IOException {
        // when
        var diff = PathwayDiff.compare(example("national.yaml", NO_ENV), example("national-v2.yaml", NO_ENV),
                sampleTips());

        // then
        assertThat(diff.agencies()).extracting(PathwayDiff.Change::id, PathwayDiff.Change::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("safe-haven", PathwayDiff.Kind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("gn-counterpart", PathwayDiff.Kind.ADDED));
        assertThat(diff.profiles()).singleElement().satisfies(c -> assertThat(c.details())
                .containsExactly("fields: added [victimAgeGroup], removed [recruitment]"));
        assertThat(diff.rules()).extracting(PathwayDiff.Change::id).containsExactly(
                "immediate-danger", "shelter-greater-monrovia", "other-forms", "transnational-guinea");
        assertThat(diff.tips()).extracting(PathwayDiff.RoutingChange::reference)
                .containsExactly("HT-DEMO-002", "HT-DEMO-003", "HT-DEMO-004");
        assertThat(diff.tips().getFirst().after().getFirst()).isEqualTo("lnp-ahtu [police, IMMEDIATE, 15m]");
        assertThat(diff.tips().getFirst().payload()).isEmpty();
        // the labour profile now lists the age group: the labour inspectorate's payload grows, routing stays
        assertThat(diff.tips().subList(1, 3)).allSatisfy(t -> {
            assertThat(t.before()).isEqualTo(t.after());
            assertThat(t.payload()).containsExactly("mol-labour: now also victimAgeGroup");
        });
        assertThat(diff.coverage()).anySatisfy(c -> {
            assertThat(c.exploitationType()).isEqualTo("other");
            assertThat(c.gapBefore()).isTrue();
            assertThat(c.gapAfter()).isFalse();
        });
    }

    @Test
    void shouldCoverEveryChildCombinationWithChildProtection() throws IOException {
        // when
        var matrix = CoverageMatrix.of(example("national.yaml", NO_ENV));

        // then
        assertThat(matrix.cells()).hasSize(8 * 8 * 2);
        assertThat(matrix.cells().stream().filter(CoverageMatrix.Cell::child))
                .allSatisfy(c -> assertThat(c.agencies()).contains("mgcsp-cp"));
        assertThat(matrix.gaps()).hasSize(8).allSatisfy(c -> {
            assertThat(c.exploitationType()).isEqualTo("other");
            assertThat(c.child()).isFalse();
        });
    }
}
