package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.hotline.core.referral.GeneratedCases.GenPathway;
import org.hotline.core.referral.GeneratedCases.GenTip;
import org.hotline.core.related.RelatedReports;
import org.hotline.core.related.internal.MongoTipLinks;
import org.hotline.core.tip.CaseFile;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.TipFields;

/**
 * Linking never widens what an agency receives: for generated pathways and two generated reports that share an
 * employer (so they are suggested) and that a supervisor links, every referral of each report, routed by the real
 * router into the real outbox over the embedded MongoDB, carries exactly what the disclosure function gives for that
 * report alone, and no value of the other report.
 */
class LinkedReportsDisclosurePropertyIT {

    private static final AtomicInteger REFERENCES = new AtomicInteger(200_000_000);
    private static CaseBed bed;

    @BeforeContainer
    static void start() throws Exception {
        bed = new CaseBed(Files.createTempDirectory("linked-disclosure"));
    }

    @AfterContainer
    static void stop() {
        bed.close();
    }

    @Provide
    Arbitrary<GenPathway> pathways() {
        return GeneratedCases.pathways();
    }

    @Provide
    Arbitrary<GenTip> tips() {
        return GeneratedCases.tips();
    }

    @Property(tries = 60)
    void shouldSendEachLinkedReportOnlyItsOwnDisclosedPayload(@ForAll("pathways") GenPathway generated,
            @ForAll("tips") GenTip first, @ForAll("tips") GenTip second) {
        // given two reports with values of their own and a shared employer, linked by a supervisor
        CaseBed.Parts parts = bed.parts(generated.pathway(), Clock.systemUTC());
        RelatedReports related = new RelatedReports(bed.tips, new MongoTipLinks(bed.mongo), bed.audit::add,
                Clock.systemUTC());
        String a = store(first, "A");
        String b = store(second, "B");
        String referenceA = bed.tips.find(a).orElseThrow().reference();
        String referenceB = bed.tips.find(b).orElseThrow().reference();
        assertThat(related.of("sia", referenceA).orElseThrow()).anySatisfy(r -> {
            assertThat(r.reference()).isEqualTo(referenceB);
            assertThat(r.matched()).contains("employer");
        });
        assertThat(related.link("sia", referenceA, referenceB)).contains(true);

        // when both are routed
        parts.router().route(a);
        parts.router().route(b);

        // then each referral is its own report's disclosure, nothing of the linked one
        checkReferrals(parts, generated.pathway(), a, "ZqB");
        checkReferrals(parts, generated.pathway(), b, "ZqA");
    }

    private static void checkReferrals(CaseBed.Parts parts, Pathway pathway, String tipId, String otherMarker) {
        CaseFile file = bed.tips.find(tipId).orElseThrow().caseFile();
        List<Recipient> recipients = pathway.route(TipFields.facts(file.fields())).recipients();
        List<Document> referrals = bed.referralsOf(tipId);
        assertThat(referrals).isNotEmpty();
        for (Document stored : referrals) {
            Document opened = bed.referral(parts.referrals(), stored.getString("_id"));
            Recipient recipient = recipients.stream().filter(r -> r.agencyId().equals(opened.getString("agencyId")))
                    .findFirst().orElseThrow();
            Map<String, Object> expected = CaseDisclosure.forRecipient(pathway, recipient, file).disclosure().payload();
            Map<String, Object> payload = new LinkedHashMap<>(opened.get("payload", Document.class));
            assertThat(payload).as("payload of %s", stored.getString("_id")).isEqualTo(expected);
            assertThat(opened.toJson()).doesNotContain(otherMarker);
        }
    }

    /** Stores the generated report with its markers made its own ({@code suffix}) and the shared employer. */
    private static String store(GenTip tip, String suffix) {
        Map<String, Object> fields = new LinkedHashMap<>();
        tip.fields().forEach((name, value) -> fields.put(name,
                value instanceof String s && s.startsWith("Mk") ? s + suffix : value));
        fields.put("employer", "Shared Rubber Ltd");
        Document consents = new Document();
        tip.consents().forEach(p -> consents.append(p, true));
        String reference = String.valueOf(REFERENCES.incrementAndGet());
        String tipId = "tip-" + reference;
        Document doc = new Document("_id", tipId).append("reference", reference).append("receivedAt", new Date())
                .append("source", "operator").append("outcome", "COMPLETED").append("fields", new Document(fields))
                .append("consents", consents).append("routed", false);
        if (tip.consents().contains("callback")) {
            doc.append("callerNumber", GeneratedCases.marker("callerPhone") + suffix);
        }
        bed.mongo.database().getCollection("tips").insertOne(bed.cipher.seal(doc));
        return tipId;
    }
}
