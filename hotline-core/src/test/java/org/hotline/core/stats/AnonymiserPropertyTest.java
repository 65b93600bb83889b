package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the researchers' export on generated tips: k-anonymity, allowed fields only, consent. */
class AnonymiserPropertyTest {

    /** Personal and free-text values the generator plants in tips; none may reach an export. */
    private static final List<String> SECRETS = List.of("Amara Kollie", "+231770123456", "Red house behind the market",
            "rec-2026-11-23-0042.wav", "operator: caller sounded scared", "482913576");
    private static final String NO_CONSENT_REGION = "NOCONSENT";

    @Property(tries = 300)
    void shouldGiveEveryQuasiIdentifierCombinationAtLeastKRecords(
            @ForAll("tips") @Size(max = 400) List<TipFacts> tips, @ForAll @IntRange(min = 2, max = 15) int k) {
        // given generated tips
        // when
        ExportResult result = Anonymiser.anonymise(tips, k, ZoneOffset.UTC);
        // then
        Map<List<String>, Long> groups = result.records().stream()
                .collect(Collectors.groupingBy(ExportRecord::quasiIdentifiers, Collectors.counting()));
        assertThat(groups.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(k));
        assertThat(result.records().size() + result.suppressed() + result.withoutConsent()).isEqualTo(tips.size());
    }

    @Property(tries = 200)
    void shouldExportOnlyAllowedFieldsAndNoPlantedPersonalValue(@ForAll("tips") @Size(max = 300) List<TipFacts> tips) {
        // given generated tips with names, numbers, notes and recordings in their fields
        // when
        ExportResult result = Anonymiser.anonymise(tips, 2, ZoneOffset.UTC);
        String csv = ExportFormats.csv(result);
        JsonObject json = ExportFormats.json(result);
        // then
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", ExportRecord.FIELDS));
        json.getJsonArray("records").forEach(r -> assertThat(((JsonObject) r).fieldNames())
                .containsExactlyInAnyOrderElementsOf(ExportRecord.FIELDS));
        String everything = csv + json.encode();
        SECRETS.forEach(secret -> assertThat(everything).doesNotContain(secret));
        assertThat(everything).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    @Property(tries = 200)
    void shouldNeverExportATipWithoutStatisticsConsent(@ForAll("tips") @Size(max = 300) List<TipFacts> tips) {
        // given tips whose region marks those without consent
        long withoutConsent = tips.stream().filter(t -> !t.statisticsConsent()).count();
        // when
        ExportResult result = Anonymiser.anonymise(tips, 2, ZoneOffset.UTC);
        // then
        assertThat(result.records()).noneMatch(r -> r.region().equals(NO_CONSENT_REGION));
        assertThat(result.withoutConsent()).isEqualTo(withoutConsent);
    }

    @Provide
    Arbitrary<List<TipFacts>> tips() {
        return tip().list();
    }

    private Arbitrary<TipFacts> tip() {
        Arbitrary<Boolean> consent = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false)));
        // few categories, so that generated data has both large and small groups
        Arbitrary<String> region = Arbitraries.of("MO", "BO", "NI", "GB");
        Arbitrary<String> secret = Arbitraries.of(SECRETS);
        // now and then free text typed where a category belongs: it must come out as Other, never as itself
        Arbitrary<String> type = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of("forced_labour", "sexual_exploitation", "child_labour", "unknown")),
                Tuple.of(1, secret));
        Arbitrary<Integer> age = Arbitraries.integers().between(-1, 70);
        Arbitrary<String> gender = Arbitraries.of("female", "male", "F", "", "non-binary");
        Arbitrary<String> nationality = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of("LR", "SL", "GN", "ci", "Liberian")), Tuple.of(1, secret));
        Arbitrary<Instant> at = Arbitraries.longs().between(1_735_689_600L, 1_798_761_600L).map(Instant::ofEpochSecond);
        return Combinators.combine(consent, region, type, age, gender, nationality, at, secret)
                .as((c, r, t, a, g, n, when, s) -> {
                    Map<String, Object> fields = new HashMap<>();
                    fields.put("region", c ? r : NO_CONSENT_REGION);
                    fields.put("exploitationType", t);
                    if (a >= 0) {
                        fields.put("victimAge", a);
                    }
                    fields.put("gender", g);
                    fields.put("nationality", n);
                    fields.put("childInvolved", a >= 0 && a < 18);
                    fields.put("victimName", s);
                    fields.put("callerPhone", s);
                    fields.put("narrative", s);
                    fields.put("operatorNotes", s);
                    return new TipFacts(fields, c, when, "REFERRED");
                });
    }
}
