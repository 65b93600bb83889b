package org.hotline.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.audit.AuditVerification;
import org.hotline.core.privacy.PrivacyDecision;
import org.hotline.core.privacy.PrivacyTestBed;
import org.hotline.core.privacy.TipPrivacy;
import org.hotline.core.testsupport.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionPurgeIT {

    private static final Instant RECEIVED = Instant.parse("2026-03-14T09:26:53Z");
    private static final String NUMBER = "+231770444555";

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(RECEIVED);
    private PrivacyTestBed bed;
    private RetentionPurge purge;
    private MongoCollection<Document> tips;
    private Path recording;

    @BeforeEach
    void start() throws Exception {
        bed = new PrivacyTestBed(dir, clock);
        tips = bed.mongo.database().getCollection("tips");
        purge = new RetentionPurge(new org.hotline.core.tip.internal.MongoTipRepository(bed.mongo, bed.cipher), bed.mongo.database(), new RetentionPolicy(Map.of("CLOSED",
                Duration.ofDays(30), "REVIEW", Duration.ofDays(90)), Duration.ofHours(1)), bed.audit, clock);
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        recording = recordings.resolve("call-7-record_message");
        Files.writeString(recordings.resolve("call-7-record_message.wav"), "audio");
        Files.writeString(recordings.resolve("call-77-record_message.wav"), "someone else's audio");
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void shouldPurgePersonalDataAndRecordingsButKeepStatisticsOnceRetentionHasPassed() throws Exception {
        // given: a closed tip with a number, a recording, free text and a referral payload
        Document tip = closedTip("300000001", Map.of("statistics", true, "callback", true, "record", true));
        bed.mongo.database().getCollection("referrals").insertOne(new Document("_id", tip.getString("_id") + ":nattf")
                .append("tipId", tip.getString("_id")).append("payload", new Document("narrative", "names and places")));
        // when: not yet due
        clock.advance(Duration.ofDays(29));
        assertThat(purge.purgeDue()).isZero();
        // when: due
        clock.advance(Duration.ofDays(2));
        assertThat(purge.purgeDue()).isEqualTo(1);
        // then
        Document after = tips.find(Filters.eq("_id", tip.getString("_id"))).first();
        assertThat(after).doesNotContainKeys("callerNumber", "callerHash", "recording", "callId", "pinHash",
                "consentRecords", "followUps", "encKeys");
        assertThat(after.get("fields", Document.class)).containsOnlyKeys("exploitationType", "region",
                "childInvolved", "immediateDanger", "language", "victimCount");
        assertThat(after.get("fields", Document.class)).containsEntry("exploitationType", "domestic_servitude")
                .containsEntry("region", "MO").containsEntry("victimCount", 2);
        assertThat(after.getString("outcome")).isEqualTo("COMPLETED");
        assertThat(after.getString("statsMonth")).isEqualTo("2026-03");
        assertThat(after.getDate("receivedAt").toInstant()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(after.getString("purgeReason")).isEqualTo("retention CLOSED 30d");
        assertThat(Files.exists(recording.resolveSibling("call-7-record_message.wav"))).isFalse();
        assertThat(Files.exists(recording.resolveSibling("call-77-record_message.wav"))).isTrue();
        assertThat(bed.mongo.database().getCollection("referrals").find().first()).doesNotContainKey("payload");
        List<Document> audited = bed.mongo.database().getCollection("audit_log")
                .find(Filters.eq("action", "tip.purge")).into(new ArrayList<>());
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.getString("target")).isEqualTo("300000001");
            assertThat(e.get("details", Document.class)).containsEntry("status", "CLOSED")
                    .containsEntry("recordingFilesDeleted", "1");
        });
        assertThat(bed.verifier().verify()).isInstanceOf(AuditVerification.Intact.class);
        // and: a second run purges nothing more
        assertThat(purge.purgeDue()).isZero();
    }

    @Test
    void shouldSpareATipOnLegalHoldUntilTheHoldIsLifted() {
        // given
        closedTip("300000002", Map.of("statistics", true, "callback", true));
        TipPrivacy privacy = new TipPrivacy(new org.hotline.core.tip.internal.MongoTipRepository(bed.mongo, bed.cipher), bed.audit, clock);
        assertThat(privacy.setLegalHold("300000002", true, "sup-1", "Court order 2026/114 in the Monrovia case"))
                .isEqualTo(new PrivacyDecision.Applied("300000002"));
        clock.advance(Duration.ofDays(400));
        // when
        int purged = purge.purgeDue();
        // then
        assertThat(purged).isZero();
        Document kept = tips.find(Filters.eq("reference", "300000002")).first();
        assertThat(kept.getString("callerNumber")).startsWith("enc1:");
        assertThat(kept.get("legalHoldDecision", Document.class)).containsEntry("by", "sup-1");
        // when: the hold is lifted
        privacy.setLegalHold("300000002", false, "sup-1", "Case closed by the court, hold no longer needed");
        // then
        assertThat(purge.purgeDue()).isEqualTo(1);
        assertThat(tips.find(Filters.eq("reference", "300000002")).first()).doesNotContainKey("callerNumber");
    }

    @Test
    void shouldKeepOpenTipsAndCountClosedTipsFromTheirClosingDay() {
        // given: an open tip and a tip closed long after it was received
        bed.store("300000003", capture(Map.of("statistics", true)), RECEIVED);
        Document late = closedTip("300000004", Map.of("statistics", true));
        tips.updateOne(Filters.eq("_id", late.get("_id")), Updates.set("closedAt", Date.from(RECEIVED.plus(Duration.ofDays(60)))));
        clock.advance(Duration.ofDays(70));
        // when
        int purged = purge.purgeDue();
        // then
        assertThat(purged).isZero();
        assertThat(tips.countDocuments(Filters.exists("purgedAt"))).isZero();
        clock.advance(Duration.ofDays(21));
        assertThat(purge.purgeDue()).isEqualTo(1);
    }

    @Test
    void shouldKeepOnlyTheBareRecordWhenTheCallerRefusedStatistics() {
        // given
        closedTip("300000005", Map.of("statistics", false));
        clock.advance(Duration.ofDays(31));
        // when
        purge.purgeDue();
        // then
        Document after = tips.find(Filters.eq("reference", "300000005")).first();
        assertThat(after.get("fields", Document.class)).isEmpty();
        assertThat(after).doesNotContainKeys("outcome", "recipients");
    }

    @Test
    void shouldRefuseAnInvalidPolicy() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RetentionPolicy(Map.of("ARCHIVED", Duration.ofDays(1)),
                Duration.ofHours(1))).hasMessageContaining("ARCHIVED");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RetentionPolicy(Map.of("CLOSED", Duration.ZERO),
                Duration.ofHours(1))).hasMessageContaining("positive");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RetentionPolicy(Map.of(), Duration.ZERO))
                .hasMessageContaining("interval");
    }

    private Document closedTip(String reference, Map<String, Boolean> consents) {
        Document tip = bed.store(reference, capture(consents), RECEIVED);
        tips.updateOne(Filters.eq("_id", tip.get("_id")), Updates.combine(Updates.set("status", "CLOSED"),
                Updates.set("recipients", List.of(new Document("agencyId", "mol-labour")))));
        return tip;
    }

    private org.hotline.ivr.CapturedTip capture(Map<String, Boolean> consents) {
        return PrivacyTestBed.capture(NUMBER, recording.toString(), Map.of("exploitationType", "domestic_servitude",
                "region", "MO", "childInvolved", "false", "immediateDanger", "false", "victimCount", "2",
                "narrative", "the employer in Paynesville keeps her passport"), consents);
    }
}
