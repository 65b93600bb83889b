package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.internal.EmailRoute;
import org.hotline.core.referral.internal.ReferralDocuments;
import org.hotline.core.referral.internal.SmsRoute;
import org.hotline.core.referral.internal.WebhookRoute;
import org.hotline.core.testsupport.SteppingClock;
import org.hotline.pathway.Channel;
import org.hotline.pathway.Pathway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regressions of the side paths that bypassed the sharing rules, on the national example pathway. */
class OneWayToAgencyIT {

    private static final String PHONE = "+231770000555";
    private static final DispatchConfig CONFIG = DispatchConfig.builder("node").smsGatewayUrl("http://127.0.0.1:9/sms")
            .build();

    @TempDir
    Path dir;

    private CaseBed bed;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-03T10:00:00Z"));
    private Pathway national;
    private CaseBed.Parts node;

    @BeforeEach
    void start() {
        bed = new CaseBed(dir);
        national = ActivePathway.fromFile(TestFiles.NATIONAL_PATHWAY, TestFiles.LOCAL_AGENCIES).get();
        node = bed.parts(national, clock);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private String routed(String reference, String source, String outcome, Map<String, Object> fields,
            List<String> consents) {
        String tipId = bed.storeTip(reference, source, outcome, fields, consents, PHONE);
        node.router().route(tipId);
        return tipId;
    }

    @Test
    void shouldNotDeliverTheCallersPhoneToPoliceOnReassignWhenTheAdultRefusedPoliceConsent() {
        // given a forced-labour report: the adult caller left a number for a callback, but refused the police
        String tipId = routed("100000011", "ivr", "COMPLETED", Map.of("exploitationType", "forced_labour",
                "region", "MO", "callerName", "Musu K."), List.of("callback", "share_services"));

        // when a supervisor hands the labour inspectorate's referral to the police
        AnswerResult moved = node.interventions().reassign(tipId + ":mol-labour",
                national.agency("lnp-ahtu").orElseThrow(), "sia", "inspectorate closed for the holidays");

        // then the police get their own profile, without the caller's identity, and the decision is audited
        assertThat(moved).isInstanceOf(AnswerResult.Applied.class);
        Document police = bed.referral(node.referrals(), tipId + ":lnp-ahtu");
        assertThat(police.get("payload", Document.class)).doesNotContainKeys("callerPhone", "callerName")
                .containsEntry("exploitationType", "forced_labour");
        assertThat(police.getList("withheld", String.class)).contains("callerName", "callerPhone");
        assertThat(bed.audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("referral.disclosure");
            assertThat(e.details()).containsEntry("to", "lnp-ahtu").containsEntry("withheld", "callerName,callerPhone");
        });
    }

    @Test
    void shouldNotSendAChildsPolicePayloadToAForeignCounterpartOnReassign() {
        // given a child report: the police section got name and phone by the child override
        String tipId = routed("100000012", "ivr", "COMPLETED", Map.of("exploitationType", "sexual_exploitation",
                "region", "LO", "childInvolved", true, "callerName", "Musu K.", "narrative", "held at the bar"),
                List.of("callback"));
        assertThat(bed.referral(node.referrals(), tipId + ":lnp-wacps").get("payload", Document.class))
                .containsKeys("callerName", "callerPhone");

        // when a supervisor hands it to the counterpart abroad
        node.interventions().reassign(tipId + ":lnp-wacps", national.agency("sl-counterpart").orElseThrow(), "sia",
                "the child is from Sierra Leone");

        // then the counterpart gets only its minimal profile: no identity, no narrative, no category
        Document abroad = bed.referral(node.referrals(), tipId + ":sl-counterpart");
        assertThat(abroad.get("payload", Document.class)).doesNotContainKeys("callerName", "callerPhone", "narrative",
                "exploitationType", "region");
        assertThat(abroad.getString("profile")).isEqualTo("foreign-counterpart");
    }

    @Test
    void shouldRenderNoCategoryForAProfileWithoutItAndNoPortalLinkAbroad() {
        // given a Sierra Leonean victim near Monrovia who agreed to share with services
        String tipId = routed("100000013", "operator", "COMPLETED", Map.of("exploitationType", "domestic_servitude",
                "region", "MO", "victimNationality", "SL", "needs", "shelter"), List.of("share_services"));

        // when each agency's referral is rendered on every channel
        for (String agency : List.of("safe-haven", "sl-counterpart")) {
            Document referral = bed.referral(node.referrals(), tipId + ":" + agency);
            var request = ReferralDocuments.request(referral, new Channel.Email("x@example.org"));
            String webhook = WebhookRoute.bodyOf(request).toString();
            String mail = new EmailRoute(CONFIG, Optional.empty()).text(request);
            String sms = new SmsRoute(new ObjectMapper(), CONFIG, "http://127.0.0.1:9/sms").text(request);

            // then the shelter's and the counterpart's profiles do not list the category: no channel names it
            assertThat(List.of(webhook, mail, sms)).allSatisfy(text -> assertThat(text).doesNotContain("domestic_servitude"));
            if (agency.equals("sl-counterpart")) {
                assertThat(mail).doesNotContain("portal").contains("victimNationality: SL");
                assertThat(sms).doesNotContain("portal");
            }
        }
    }

    @Test
    void shouldHoldAnOperatorHandOffForTheOperatorInsteadOfReferringAnEmptyReport() {
        // when a caller presses 0 before answering anything, and another presses 0 after the danger key
        String empty = routed("100000014", "ivr", "OPERATOR", Map.of("language", "en"), List.of());
        String danger = routed("100000015", "ivr", "OPERATOR", Map.of("language", "en", "immediateDanger", true),
                List.of());

        // then the first waits for the operator's report, the second goes to the police at once
        assertThat(bed.referralsOf(empty)).isEmpty();
        assertThat(bed.tip(empty).getString("status")).isEqualTo("REVIEW");
        assertThat(bed.referralsOf(danger)).extracting(d -> d.getString("agencyId")).containsExactly("lnp-ahtu");
    }

    @Test
    void shouldNeverEscalateAnEscalatedCopyToItselfAndKeepTheDeadlineOnceTheChainIsUsedUp() {
        // given someone in danger now: the police trafficking unit, chain lnp-wacps → supervisor → national coordinator
        String tipId = routed("100000016", "ivr", "COMPLETED", Map.of("exploitationType", "other", "region", "MO",
                "immediateDanger", true), List.of());

        // when nobody acknowledges, window after window
        int steps = 0;
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofMinutes(31));
            steps += node.sweeper().sweepOnce();
        }

        // then the women and children section got the case once, its copy's chain does not name it, and every
        // exhausted referral still shows its (passed) deadline
        List<Document> all = bed.referralsOf(tipId);
        assertThat(all).extracting(d -> d.getString("agencyId")).containsExactlyInAnyOrder("lnp-ahtu", "lnp-wacps");
        Document copy = bed.referral(node.referrals(), tipId + ":lnp-wacps");
        assertThat(copy.getList("escalationChain", String.class)).doesNotContain("lnp-wacps", "lnp-ahtu");
        assertThat(copy.getList("escalations", Document.class)).extracting(e -> e.getString("to"))
                .doesNotContain("lnp-wacps");
        assertThat(all).allSatisfy(d -> {
            assertThat(d.getBoolean("escalationExhausted")).isTrue();
            assertThat(d.getDate("ackDeadline")).isNotNull().isBefore(java.util.Date.from(clock.instant()));
        });
        assertThat(steps).isPositive();
        assertThat(node.sweeper().sweepOnce()).isZero();
    }

    @Test
    void shouldListADeclinedReferralForSupervisors() {
        // given a delivered referral that the agency declines
        String tipId = routed("100000017", "ivr", "COMPLETED", Map.of("exploitationType", "forced_labour",
                "region", "MO"), List.of());
        String id = tipId + ":mol-labour";
        bed.mongo.database().getCollection("referrals").updateOne(new Document("_id", id),
                new Document("$set", new Document("state", "DELIVERED")));
        new ReferralAnswers(bed.mongo.database(), new HotlineMetrics(false), clock).decline(id, "mol-labour",
                "not a labour case");

        // then
        assertThat(node.interventions().declined(10)).extracting(Referral::id).containsExactly(id);
    }

    @Test
    void shouldKeepStoringAndTellingTheOtherListenersWhenOneListenerFails() {
        // given a listener that fails (as the duty ring does while MongoDB blinks) before another one
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        node.referrals().outbox().onCreated(created -> {
            throw new IllegalStateException("duty rounds unreachable");
        });
        node.referrals().outbox().onCreated(created -> created.forEach(r -> told.add(r.agencyId())));

        // when a case is routed
        String tipId = routed("100000018", "ivr", "COMPLETED", Map.of("exploitationType", "forced_labour",
                "region", "MO"), List.of());

        // then the referral is stored, the tip routed, and the next listener told
        assertThat(bed.referralsOf(tipId)).extracting(d -> d.getString("agencyId")).containsExactly("mol-labour");
        assertThat(bed.tip(tipId).getString("status")).isEqualTo("REFERRED");
        assertThat(told).containsExactly("mol-labour");
    }
}
