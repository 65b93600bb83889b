package org.hotline.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.audit.AuditVerification;
import org.hotline.core.testsupport.AuditScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callbacks on child tips need an operator's recorded decision; callback numbers are read only where allowed. */
class TipPrivacyIT {

    private static final String NUMBER = "+231770222333";
    private static final String REASON = "Child protection officer asked us to reach the mother";

    @TempDir
    Path dir;

    private PrivacyTestBed bed;
    private TipPrivacy privacy;

    @BeforeEach
    void start() {
        bed = new PrivacyTestBed(dir, Clock.systemUTC());
        privacy = new TipPrivacy(new org.hotline.core.tip.internal.MongoTipRepository(bed.mongo, bed.cipher), bed.audit, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void shouldMakeTheCallbackConsentOfAChildTipIneffectiveUntilAnOperatorOverridesWithAReason() {
        // given
        store("400000001", true, true);
        assertThat(privacy.callbackNumber("400000001", "op-1")).isEmpty();
        // when
        PrivacyDecision decision = privacy.allowChildCallback("400000001", "op-1", REASON);
        // then
        assertThat(decision).isEqualTo(new PrivacyDecision.Applied("400000001"));
        assertThat(privacy.callbackNumber("400000001", "op-1")).contains(NUMBER);
        Document tip = bed.mongo.database().getCollection("tips").find(new Document("reference", "400000001")).first();
        assertThat(tip.get("callbackOverride", Document.class)).containsEntry("by", "op-1");
        // the reason is kept, encrypted for this tip: never in clear at rest
        assertThat(tip.get("callbackOverride", Document.class).getString("reason")).startsWith("enc1:");
        assertThat(bed.cipher.openText(tip.getString("_id"), "callbackOverride.reason",
                tip.get("callbackOverride", Document.class).getString("reason"))).isEqualTo(REASON);
        assertThat(bed.mongo.database().getCollection("audit_log").find(new Document("action", "tip.callback_override"))
                .first().get("details", Document.class)).containsEntry("reason", "given");
        assertThat(bed.mongo.database().getCollection("audit_log").countDocuments(
                new Document("action", "tip.caller_number.read"))).isEqualTo(1);
        assertThat(bed.verifier().verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void shouldRecordThatAReasonWasGivenButNeverItsTextInTheAuditLog() {
        // given: a child tip, and reasons that name people
        store("400000006", true, true);
        String callback = "Mother Comfort Tarr asked for the call, the uncle is away";
        String hold = "Court order 77/2026 in the case against employer Kollie";
        String release = "Case against Kollie closed by the court";

        // when
        privacy.allowChildCallback("400000006", "op-1", callback);
        privacy.setLegalHold("400000006", true, "sup-1", hold);
        privacy.setLegalHold("400000006", false, "sup-1", release);

        // then: three entries, each saying a reason was given, none holding any of its words
        assertThat(bed.mongo.database().getCollection("audit_log").find(new Document("target", "400000006"))
                .map(e -> e.get("details", Document.class).getString("reason")).into(new java.util.ArrayList<>()))
                .containsExactly("given", "given", "given");
        for (String word : List.of("Comfort", "Tarr", "uncle", "77/2026", "Kollie")) {
            assertThat(AuditScan.entriesHolding(bed.mongo.database(), word)).as(word).isEmpty();
        }
        assertThat(bed.verifier().verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void shouldLetAnAdultCallersConsentTakeEffectDirectly() {
        // given
        store("400000002", false, true);
        // then
        assertThat(privacy.callbackNumber("400000002", "op-1")).contains(NUMBER);
        assertThat(privacy.allowChildCallback("400000002", "op-1", REASON))
                .isInstanceOfSatisfying(PrivacyDecision.Refused.class,
                        r -> assertThat(r.problems()).anyMatch(p -> p.contains("no child")));
    }

    @Test
    void shouldRefuseOverridesWithoutReasonOrConsentAndChangeNothing() {
        // given
        store("400000003", true, true);
        store("400000004", true, false);
        // when / then
        assertThat(privacy.allowChildCallback("400000003", "op-1", "because")).isInstanceOfSatisfying(
                PrivacyDecision.Refused.class, r -> assertThat(r.problems()).anyMatch(p -> p.contains("reason")));
        assertThat(privacy.allowChildCallback("400000003", " ", REASON)).isInstanceOf(PrivacyDecision.Refused.class);
        assertThat(privacy.allowChildCallback("400000004", "op-1", REASON)).isInstanceOfSatisfying(
                PrivacyDecision.Refused.class, r -> assertThat(r.problems()).anyMatch(p -> p.contains("did not consent")));
        assertThat(privacy.allowChildCallback("999999999", "op-1", REASON))
                .isEqualTo(new PrivacyDecision.NotFound("999999999"));
        assertThat(privacy.setLegalHold("400000003", true, "sup-1", "")).isInstanceOf(PrivacyDecision.Refused.class);
        // then
        assertThat(privacy.callbackNumber("400000003", "op-1")).isEmpty();
        assertThat(bed.mongo.database().getCollection("tips").countDocuments(new Document("callbackOverride",
                new Document("$exists", true)))).isZero();
        assertThat(bed.mongo.database().getCollection("tips").countDocuments(new Document("legalHold", true))).isZero();
        assertThat(bed.mongo.database().getCollection("audit_log").countDocuments()).isZero();
    }

    @Test
    void shouldNotKeepTheNumberWithoutCallbackConsent() {
        // given
        Document tip = store("400000005", false, false);
        // then
        assertThat(tip).doesNotContainKey("callerNumber");
        assertThat(tip.getString("callerHash")).isNotBlank();
        assertThat(privacy.callbackNumber("400000005", "op-1")).isEmpty();
    }

    private Document store(String reference, boolean child, boolean callback) {
        return bed.store(reference, PrivacyTestBed.capture(NUMBER, null, Map.of("exploitationType", "child_labour",
                "region", "MO", "childInvolved", Boolean.toString(child), "immediateDanger", "false"),
                Map.of("callback", callback)), Instant.now());
    }
}
