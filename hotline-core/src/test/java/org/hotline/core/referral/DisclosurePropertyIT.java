package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.GeneratedCases.GenPathway;
import org.hotline.core.referral.GeneratedCases.GenProfile;
import org.hotline.core.referral.GeneratedCases.GenTip;
import org.hotline.core.referral.internal.DeliveryRequest;
import org.hotline.core.referral.internal.EmailRoute;
import org.hotline.core.referral.internal.ReferralDocuments;
import org.hotline.core.referral.internal.SmsRoute;
import org.hotline.core.referral.internal.WebhookRoute;
import org.hotline.core.routing.TipRouter;
import org.hotline.pathway.Channel;

/**
 * The invariant of minimum necessary data, over every way a case reaches an agency: for generated pathways
 * (random profiles, consent gates and overrides) and generated tips (any consents, child or adult, danger or
 * not), after routing, an operator's emergency re-routing, a supervisor's reassign to any agency and an
 * escalation along the chain, every field stored for an agency is in that agency's profile, and a
 * consent-gated one only with the consent or an audited override whose condition holds and whose rule names the
 * agency; and no rendering (webhook body, e-mail, SMS, agency portal) shows a value the payload does not hold.
 * The real router, outbox, interventions and sweeper run against the embedded MongoDB over the driver.
 */
class DisclosurePropertyIT {

    private static CaseBed bed;
    private static final DispatchConfig CONFIG = DispatchConfig.builder("prop").smsGatewayUrl("http://127.0.0.1:9/sms")
            .build();

    @BeforeContainer
    static void start() throws Exception {
        bed = new CaseBed(Files.createTempDirectory("disclosure-property"));
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

    @Property(tries = 120)
    void shouldNeverLetAFieldLeaveOutsideProfileAndConsentExceptAnAuditedOverride(
            @ForAll("pathways") GenPathway generated, @ForAll("tips") GenTip tip,
            @ForAll("agencies") String reassignTo, @ForAll boolean batched) {
        // given a node's referral parts over the generated pathway
        CaseBed.Parts parts = bed.parts(generated.pathway(), Clock.systemUTC());
        ActivePathway active = parts.active();
        ReferralService referrals = parts.referrals();
        TipRouter router = parts.router();
        ReferralInterventions interventions = parts.interventions();
        String tipId = store(tip);
        String twin = batched ? store(tip) : null;

        // when the case takes every path to an agency: its first routing alone or in a writer's batch
        if (batched) {
            router.routeAll(List.of(bed.tips.find(tipId).orElseThrow(), bed.tips.find(twin).orElseThrow()));
        } else {
            router.route(tipId);
        }
        bed.mongo.database().getCollection("tips").updateOne(new Document("_id", tipId),
                new Document("$set", new Document("fields.immediateDanger", true)));
        router.reroute(tipId, 1);
        List<Referral> routed = referrals.forTip(tipId).stream().filter(r -> !r.id().contains(":update-")).toList();
        interventions.escalate(routed.getFirst().id(), active.get()::agency, "sia", "no answer");
        active.get().agency(reassignTo).ifPresent(to -> interventions.reassign(routed.getLast().id(), to, "sia",
                "agency asked to hand it on"));

        // then every outbox entry of the case holds the invariant, in storage and in every rendering
        for (Document stored : bed.mongo.database().getCollection("referrals")
                .find(new Document("tipId", new Document("$in", batched ? List.of(tipId, twin) : List.of(tipId))))) {
            Document opened = referrals.opened(stored);
            checkPayload(generated, tip, opened);
            checkRenderings(tip, opened);
        }
    }

    @Provide
    Arbitrary<String> agencies() {
        return net.jqwik.api.Arbitraries.of(GeneratedCases.AGENCIES);
    }

    private static void checkPayload(GenPathway generated, GenTip tip, Document referral) {
        String agency = referral.getString("agencyId");
        GenProfile profile = generated.profiles().get(agency);
        Document payload = referral.get("payload", Document.class);
        for (String field : payload.keySet()) {
            if (Set.of("update", "revision").contains(field)) {
                continue;
            }
            assertThat(profile.all()).as("%s sent to %s (%s)", field, agency, referral.getString("_id")).contains(field);
            String purpose = profile.gated().get(field);
            if (purpose != null && !tip.consents().contains(purpose)) {
                assertThat(overrideAudited(referral.getString("_id"), field))
                        .as("override of %s for %s audited", field, referral.getString("_id")).isTrue();
                assertThat(overrideHolds(generated, referral, agency, field))
                        .as("%s released to %s without consent %s", field, agency, purpose).isTrue();
            }
        }
    }

    /**
     * An override is legitimate only from a matched rule that declares it, names the agency (as a recipient or in
     * an escalation chain), and whose condition holds. The generated danger rule names the police and its explicit
     * chain (welfare, coordinator); the child rule names welfare and police, whose derived chains
     * ({@code escalates_to}) reach every other agency.
     */
    private static boolean overrideHolds(GenPathway generated, Document referral, String agency, String field) {
        List<String> rules = referral.getList("matchedRules", String.class, List.of());
        boolean danger = generated.dangerOverride() && rules.contains("danger")
                && List.of("ag-police", "ag-welfare", "ag-coord").contains(agency);
        boolean child = generated.childOverride() && rules.contains("child") && GeneratedCases.AGENCIES.contains(agency)
                && Boolean.TRUE.equals(isChild(referral));
        return List.of("callerName", "callerPhone").contains(field) && (danger || child);
    }

    private static Boolean isChild(Document referral) {
        Document tip = bed.mongo.database().getCollection("tips").find(new Document("_id", referral.getString("tipId"))).first();
        return tip.get("fields", Document.class).getBoolean("childInvolved");
    }

    private static boolean overrideAudited(String referralId, String field) {
        return bed.audit.stream().anyMatch(e -> e.action().equals("referral.consent_override")
                && referralId.equals(e.details().get("referralId")) && field.equals(e.details().get("field")));
    }

    private static void checkRenderings(GenTip tip, Document referral) {
        Document payload = referral.get("payload", Document.class);
        List<String> renderings = new ArrayList<>();
        Channel.Email email = new Channel.Email("a@example.org");
        DeliveryRequest request = ReferralDocuments.request(referral, email);
        renderings.add(WebhookRoute.bodyOf(request).toString());
        renderings.add(new EmailRoute(CONFIG, Optional.empty()).text(request));
        renderings.add(new SmsRoute(new ObjectMapper(), CONFIG, "http://127.0.0.1:9/sms").text(request));
        renderings.add(AgencyReferrals.detail(referral, Instant.now()).encode());
        Map<String, Object> values = new java.util.HashMap<>(tip.fields());
        if (tip.consents().contains("callback")) {
            values.put("callerPhone", GeneratedCases.marker("callerPhone"));
        }
        if (tip.consents().contains("record")) {
            values.put("recording", GeneratedCases.marker("recording"));
        }
        values.forEach((field, value) -> {
            boolean secret = value instanceof String s && (s.startsWith("Mk") || field.equals("exploitationType"));
            if (secret && !payload.containsKey(field)) {
                for (String rendering : renderings) {
                    assertThat(rendering).as("%s of %s rendered for %s", field, referral.getString("_id"),
                            referral.getString("agencyId")).doesNotContain((String) value);
                }
            }
        });
    }

    private static String store(GenTip tip) {
        String tipId = UUID.randomUUID().toString();
        Document consents = new Document();
        tip.consents().forEach(p -> consents.append(p, true));
        Document doc = new Document("_id", tipId).append("reference", String.valueOf(100_000_000 + Math.abs(tipId.hashCode() % 899_999_999)))
                .append("receivedAt", new Date()).append("source", "operator").append("outcome", "COMPLETED")
                .append("fields", new Document(tip.fields())).append("consents", consents).append("routed", false);
        if (tip.consents().contains("callback")) {
            doc.append("callerNumber", GeneratedCases.marker("callerPhone"));
        }
        if (tip.consents().contains("record")) {
            doc.append("recording", GeneratedCases.marker("recording"));
        }
        bed.mongo.database().getCollection("tips").insertOne(bed.cipher.seal(doc));
        return tipId;
    }
}
