package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.testsupport.SteppingClock;
import org.hotline.core.tip.TipRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's re-submitted report takes away what the caller withdrew, from the tip and from what has not gone out. */
class WithdrawnDataIT {

    private static final String PHONE = "+231770000777";

    @TempDir
    Path dir;

    private CaseBed bed;
    private CaseBed.Parts node;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-03T10:00:00Z"));

    @BeforeEach
    void start() {
        bed = new CaseBed(dir);
        node = bed.parts(ActivePathway.fromFile(TestFiles.NATIONAL_PATHWAY, TestFiles.LOCAL_AGENCIES).get(), clock);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void shouldForgetWithdrawnDataAndRecutReferralsNotYetDelivered() {
        // given a child report with name, narrative and a number for a callback, referred (nothing delivered yet)
        String tipId = bed.storeTip("100000021", "ivr", "COMPLETED", Map.of("exploitationType", "sexual_exploitation",
                "region", "LO", "childInvolved", true, "callerName", "Musu K.", "narrative", "held at the bar"),
                List.of("callback", "share_services"), PHONE);
        node.router().route(tipId);
        assertThat(bed.referral(node.referrals(), tipId + ":mgcsp-cp").get("payload", Document.class))
                .containsKeys("callerName", "callerPhone", "narrative");

        // when the operator submits the report again without name and narrative, and the caller refuses the callback
        int revision = bed.tips.revise(tipId, new TipRepository.Revision("intake", "olu", clock.instant(),
                Map.of("exploitationType", "sexual_exploitation", "region", "LO", "childInvolved", true),
                Map.of("callback", false, "share_services", true), "console-consent-v1", "en", false, null, null, true));
        node.router().reroute(tipId, revision);

        // then the tip keeps none of it, encrypted or not
        Document stored = bed.tip(tipId);
        assertThat(stored).doesNotContainKey("callerNumber");
        assertThat(stored.get("fields", Document.class)).doesNotContainKeys("callerName", "narrative");
        // and the referrals still waiting in the outbox no longer carry it
        for (String agency : List.of("mgcsp-cp", "lnp-wacps")) {
            assertThat(bed.referral(node.referrals(), tipId + ":" + agency).get("payload", Document.class))
                    .as(agency).doesNotContainKeys("callerName", "callerPhone", "narrative");
        }
    }

    @Test
    void shouldLeaveADeliveredReferralAsItWent() {
        // given a referral that already went out
        String tipId = bed.storeTip("100000022", "ivr", "COMPLETED", Map.of("exploitationType", "forced_labour",
                "region", "MO", "employer", "Acme Farm"), List.of(), PHONE);
        node.router().route(tipId);
        bed.mongo.database().getCollection("referrals").updateOne(new Document("_id", tipId + ":mol-labour"),
                new Document("$set", new Document("state", "DELIVERED")));

        // when the employer is removed from the report
        int revision = bed.tips.revise(tipId, new TipRepository.Revision("intake", "olu", clock.instant(),
                Map.of("exploitationType", "forced_labour", "region", "MO"), Map.of(), "console-consent-v1", "en",
                false, null, null, true));
        node.router().reroute(tipId, revision);

        // then the delivered referral is history and stays so; the update that follows it carries no employer
        assertThat(bed.referral(node.referrals(), tipId + ":mol-labour").get("payload", Document.class))
                .containsEntry("employer", "Acme Farm");
        assertThat(bed.referral(node.referrals(), tipId + ":mol-labour:update-" + revision).get("payload", Document.class))
                .doesNotContainKey("employer");
    }
}
