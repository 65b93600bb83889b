package org.hotline.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.audit.AuditVerification;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.ReferralService;
import org.hotline.core.routing.TipRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent at dispatch, end to end from a stored (encrypted) tip through the router and the referral service
 * with the shipped national pathway: identity fields reach the police only with the caller's consent or under
 * a rule's child/danger override, and each override is in the audit log with its rule and reason.
 */
class ConsentAtDispatchIT {

    private static final String NUMBER = "+231770555123";
    private static final String RECORDING = "/var/spool/asterisk/hotline/call-1-record_message";

    @TempDir
    Path dir;

    private PrivacyTestBed bed;
    private TipRouter router;
    private org.hotline.core.tip.internal.MongoTipRepository tips;

    @BeforeEach
    void start() {
        bed = new PrivacyTestBed(dir, Clock.systemUTC());
        ReferralService referrals = new ReferralService(bed.mongo.database(), new HotlineMetrics(false), Clock.systemUTC(),
                org.hotline.core.crypto.PayloadSeal.NONE, bed.audit);
        ActivePathway pathway = ActivePathway.fromFile(PrivacyTestBed.NATIONAL_PATHWAY, TestFiles.LOCAL_AGENCIES);
        tips = new org.hotline.core.tip.internal.MongoTipRepository(bed.mongo, bed.cipher);
        router = new TipRouter(tips, pathway, referrals, referrals.updates(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void shouldSendThePoliceNoIdentityWithoutConsent() {
        // given: sexual exploitation goes to the women and children police section; the caller left a number
        // for a callback and a recording, but refused to share their identity with the police
        Document tip = route("100000001", Map.of("exploitationType", "sexual_exploitation", "region", "LO",
                "childInvolved", "false", "immediateDanger", "false"), consents(false));
        // then
        Document police = referral(tip, "lnp-wacps");
        assertThat(police.get("payload", Document.class)).doesNotContainKeys("callerPhone", "callerName", "recording")
                .containsEntry("exploitationType", "sexual_exploitation");
        assertThat(police.getList("withheld", String.class)).contains("callerPhone", "recording");
        assertThat(police.getList("consentOverrides", Document.class)).isEmpty();
        assertThat(police.toJson()).doesNotContain(NUMBER, RECORDING);
        assertThat(overrideEntries()).isEmpty();
    }

    @Test
    void shouldSendThePoliceTheIdentityTheCallerAgreedTo() {
        // given
        Document tip = route("100000002", Map.of("exploitationType", "sexual_exploitation", "region", "LO",
                "childInvolved", "false", "immediateDanger", "false"), consents(true));
        // then
        Document payload = referral(tip, "lnp-wacps").get("payload", Document.class);
        assertThat(payload).containsEntry("callerPhone", NUMBER).containsEntry("recording", RECORDING);
        assertThat(overrideEntries()).isEmpty();
    }

    @Test
    void shouldReleaseThePhoneToThePoliceUnderTheDangerOverrideAndAuditIt() {
        // given: someone is in danger now; no identity consent
        Document tip = route("100000003", Map.of("exploitationType", "forced_labour", "region", "MO",
                "childInvolved", "false", "immediateDanger", "true"), consents(false));
        // then: the phone (an override field) goes, the recording (not an override field) stays withheld
        Document police = referral(tip, "lnp-ahtu");
        assertThat(police.get("payload", Document.class)).containsEntry("callerPhone", NUMBER)
                .doesNotContainKey("recording");
        assertThat(police.getList("consentOverrides", Document.class)).extracting(d -> d.getString("ruleId"))
                .containsOnly("immediate-danger");
        List<Document> audited = overrideEntries();
        assertThat(audited).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getString("target")).isEqualTo("100000003");
            assertThat(e.get("details", Document.class)).containsEntry("ruleId", "immediate-danger")
                    .containsEntry("agencyId", "lnp-ahtu").containsEntry("condition", "immediate_danger")
                    .containsEntry("reason", "Police must be able to reach the caller to locate a person in immediate danger");
        });
        assertThat(audited).extracting(e -> e.get("details", Document.class).getString("field")).contains("callerPhone");
        assertThat(bed.verifier().verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void shouldReleaseThePhoneUnderTheChildOverrideAndAuditItOncePerReferral() {
        // given
        Document tip = route("100000004", Map.of("exploitationType", "child_labour", "region", "NI",
                "childInvolved", "true", "immediateDanger", "false"), consents(false));
        // when: the same tip is routed again (journal replay): nothing new is created or audited
        int before = overrideEntries().size();
        router.route(tips.decode(sealed(bed.mongo.database().getCollection("tips").find(new Document("_id", tip.get("_id")))
                .first().append("routed", false).append("status", "RECEIVED"))));
        // then
        assertThat(referral(tip, "lnp-wacps").get("payload", Document.class)).containsEntry("callerPhone", NUMBER);
        assertThat(overrideEntries()).hasSize(before).extracting(e -> e.get("details", Document.class).getString("ruleId"))
                .contains("child-involved");
    }

    @Test
    void shouldKeepTheIdentityInAStoredPayloadEncryptedAndOpenItForReaders() {
        // given: payloads sealed with the node's data keys, as a running node stores them
        ReferralService sealed = new ReferralService(bed.mongo.database(), new HotlineMetrics(false), Clock.systemUTC(),
                bed.cipher, bed.audit);
        router = new TipRouter(tips, ActivePathway.fromFile(PrivacyTestBed.NATIONAL_PATHWAY, TestFiles.LOCAL_AGENCIES),
                sealed, sealed.updates(), Clock.systemUTC());
        // when: the caller agreed to share their identity with the police
        Document tip = route("100000005", Map.of("exploitationType", "sexual_exploitation", "region", "LO",
                "childInvolved", "false", "immediateDanger", "false"), consents(true));
        // then: MongoDB holds neither the number nor the recording in clear, the service's readers see both
        Document raw = referral(tip, "lnp-wacps");
        assertThat(raw.toJson()).doesNotContain(NUMBER, RECORDING);
        assertThat(raw.get("payload", Document.class).getString("callerPhone")).startsWith("enc1:");
        assertThat(raw.get("payload", Document.class)).containsEntry("exploitationType", "sexual_exploitation");
        assertThat(sealed.find(raw.getString("_id")).orElseThrow().payload())
                .containsEntry("callerPhone", NUMBER).containsEntry("recording", RECORDING);
    }

    private Document route(String reference, Map<String, String> answers, Map<String, Boolean> consents) {
        Document stored = bed.store(reference, PrivacyTestBed.capture(NUMBER, RECORDING, answers, consents),
                Instant.now());
        router.route(tips.decode(sealed(stored)));
        return stored;
    }

    /** A stored tip document as the writer hands it on. */
    private static org.hotline.core.tip.SealedTip sealed(Document stored) {
        return org.hotline.core.tip.SealedTip.of(new org.bson.RawBsonDocument(stored, new org.bson.codecs.DocumentCodec()));
    }

    private static Map<String, Boolean> consents(boolean police) {
        return Map.of("record", true, "callback", true, "share_identity_police", police, "share_services", true,
                "statistics", true);
    }

    private Document referral(Document tip, String agency) {
        Document referral = bed.mongo.database().getCollection("referrals")
                .find(new Document("_id", ReferralService.referralId(tip.getString("_id"), agency))).first();
        assertThat(referral).as("referral to " + agency).isNotNull();
        return referral;
    }

    private List<Document> overrideEntries() {
        return bed.mongo.database().getCollection("audit_log").find(new Document("action", "referral.consent_override"))
                .into(new ArrayList<>());
    }
}
