package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.testsupport.SteppingClock;
import org.hotline.core.tip.TipRepository;
import org.hotline.pathway.Pathway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff and agency free text about a case is stored encrypted, shown decrypted where it is read, purged with the case. */
class FreeTextAtRestIT {

    private static final String DECLINE = "Our only officer in Lofa is on leave until Friday";
    private static final String OUTCOME = "Two workers were moved to the shelter in Voinjama";
    private static final String REASSIGN = "The inspectorate asked the police to take this one";
    private static final String HOLD = "Court order 2026/114 in the Voinjama case";
    private static final String EMERGENCY = "Caller says the guards are armed tonight";
    private static final String REVIEW = "Silent call, nothing to act on after two callbacks";

    @TempDir
    Path dir;

    private CaseBed bed;
    private CaseBed.Parts node;
    private Pathway national;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-03T10:00:00Z"));

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

    @Test
    void shouldStoreEveryFreeTextEncryptedShowItToTheAgencyAndDropItWithTheCase() {
        // given a labour case and a silent call, and every kind of free text about them
        String tipId = bed.storeTip("100000031", "ivr", "COMPLETED", Map.of("exploitationType", "forced_labour",
                "region", "LO"), List.of(), null);
        node.router().route(tipId);
        String silent = bed.storeTip("100000032", "ivr", "SILENT", Map.of(), List.of(), null);
        node.router().route(silent);
        String labour = tipId + ":mol-labour";
        delivered(labour);
        ReferralAnswers answers = new ReferralAnswers(bed.mongo.database(), new HotlineMetrics(false), clock,
                node.referrals()::payloadSeal);

        // when
        answers.decline(labour, "mol-labour", DECLINE);
        node.interventions().reassign(labour, national.agency("lnp-ahtu").orElseThrow(), "sia", REASSIGN);
        String police = tipId + ":lnp-ahtu";
        delivered(police);
        answers.acknowledge(police, "lnp-ahtu");
        answers.recordOutcome(police, "lnp-ahtu", "victim_sheltered", OUTCOME);
        bed.tips.setLegalHold(tipId, true, new TipRepository.Decision("sia", HOLD, clock.instant()));
        bed.tips.revise(tipId, TipRepository.Revision.emergency("olu", clock.instant(), EMERGENCY));
        bed.tips.closeReview("100000032", REVIEW, "sia", clock.instant());

        // then none of it lies in clear in MongoDB
        String stored = bed.referralsOf(tipId).toString() + bed.tip(tipId).toJson() + bed.tip(silent).toJson();
        assertThat(stored).doesNotContain(DECLINE, OUTCOME, REASSIGN, HOLD, EMERGENCY, REVIEW);
        // and the agency reads its own answers in the portal
        AgencyReferrals portal = new AgencyReferrals(bed.mongo.database(), bed.audit::add, clock, bed.cipher);
        assertThat(portal.view(labour, "mol-labour", "focal-1").orElseThrow().getString("declineReason")).isEqualTo(DECLINE);
        assertThat(portal.view(police, "lnp-ahtu", "focal-2").orElseThrow().encode()).contains(OUTCOME);

        // when the case is purged, the referrals keep no note at all, not even encrypted
        ReferralRetention.dropPayloads(bed.mongo.database(), tipId, clock.instant());
        for (Document r : bed.referralsOf(tipId)) {
            assertThat(r).doesNotContainKeys("payload", "declineReason", "history", "actions");
            Document outcomes = r.get("outcomes", Document.class);
            if (outcomes != null) {
                outcomes.values().forEach(o -> assertThat((Document) o).doesNotContainKey("note"));
            }
        }
    }

    private void delivered(String referralId) {
        bed.mongo.database().getCollection("referrals").updateOne(new Document("_id", referralId),
                new Document("$set", new Document("state", "DELIVERED")));
    }
}
