package org.hotline.core.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.hotline.core.audit.AuditVerification;
import org.hotline.core.privacy.AttemptLimiter;
import org.hotline.core.privacy.PrivacyTestBed;
import org.hotline.core.testsupport.SteppingClock;
import org.hotline.ivr.FollowUpAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-up PIN limits across references (per caller and for the whole hotline), audited in the chain. */
class FollowUpLimitsIT {

    private static final String CALLER = "+231770999888";

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:00Z"));
    private PrivacyTestBed bed;
    private MongoFollowUpDesk desk;
    private FollowUpLocks locks;
    private final List<String> references = new ArrayList<>();

    @BeforeEach
    void start() {
        bed = new PrivacyTestBed(dir, clock);
        locks = new FollowUpLocks(bed.mongo, reference -> "ref-" + reference.hashCode(), clock);
        desk = new MongoFollowUpDesk(new org.hotline.core.tip.internal.MongoTipRepository(bed.mongo, bed.cipher),
                new org.hotline.core.referral.ReferralService(bed.mongo.database(),
                        new org.hotline.core.metrics.HotlineMetrics(false), clock, bed.cipher, bed.audit)::acknowledged,
                (reference, pin) -> "pin:" + reference + ":" + pin,
                number -> "hash-of-" + number.hashCode(), new AttemptLimiter(bed.mongo.database(), clock), locks,
                bed.audit, clock);
        for (int i = 0; i < 15; i++) {
            String reference = "20000000" + String.format("%02d", i);
            references.add(reference);
            bed.mongo.database().getCollection("tips").insertOne(new Document("_id", "tip-" + i)
                    .append("reference", reference).append("pinHash", "pin:" + reference + ":4321")
                    .append("status", "RECEIVED"));
        }
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void shouldAnswerAnUnknownReferenceExactlyLikeARealOneAtEveryWrongPin() {
        // when: the same wrong PIN four times, on a real reference and on one that does not exist
        List<String> real = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            real.add(desk.lookup(references.get(0), "0000", "+23177000010" + i).getClass().getSimpleName());
            unknown.add(desk.lookup("9999999990", "0000", "+23177000020" + i).getClass().getSimpleName());
        }
        // then: the third wrong PIN locks both, and nothing tells them apart
        assertThat(real).containsExactly("WrongPin", "WrongPin", "Locked", "Locked");
        assertThat(unknown).isEqualTo(real);
    }

    @Test
    void shouldLockAReferenceOnlyForAWhile() {
        // given: a stranger enters three wrong PINs on a victim's reference
        for (int i = 0; i < FollowUpLocks.MAX_FAILURES; i++) {
            desk.lookup(references.get(1), "0000", "+231770555000");
        }
        assertThat(desk.lookup(references.get(1), "4321", CALLER)).isInstanceOf(FollowUpAnswer.Locked.class);
        // when
        clock.advance(FollowUpLocks.LOCK_PERIOD);
        // then: the victim is heard again with the right PIN, and the count started afresh
        assertThat(desk.lookup(references.get(1), "4321", CALLER)).isInstanceOf(FollowUpAnswer.Found.class);
        assertThat(desk.lookup(references.get(1), "0000", CALLER)).isInstanceOf(FollowUpAnswer.WrongPin.class);
    }

    @Test
    void shouldHearTheCallerAtOnceWhenAnOperatorReopensTheReference() {
        // given
        for (int i = 0; i < FollowUpLocks.MAX_FAILURES; i++) {
            desk.lookup(references.get(2), "0000", "+231770555000");
        }
        // when
        boolean wasLocked = locks.reopen(references.get(2));
        // then
        assertThat(wasLocked).isTrue();
        assertThat(desk.lookup(references.get(2), "4321", CALLER)).isInstanceOf(FollowUpAnswer.Found.class);
        assertThat(locks.reopen(references.get(3))).isFalse();
    }

    @Test
    void shouldLockOneCallerTryingOnePinAcrossManyReferences() {
        // when: one caller tries PIN 0000 on ten different references (no reference reaches its own lock)
        for (int i = 0; i < MongoFollowUpDesk.PER_CALLER.max(); i++) {
            assertThat(desk.lookup(references.get(i), "0000", CALLER)).isInstanceOf(FollowUpAnswer.WrongPin.class);
        }
        // then: even the right PIN of another reference is refused for this caller, but not for others
        assertThat(desk.lookup(references.get(12), "4321", CALLER)).isInstanceOf(FollowUpAnswer.Locked.class);
        assertThat(desk.lookup(references.get(12), "4321", "+231770111222")).isInstanceOf(FollowUpAnswer.Found.class);
        // and after the window the caller may try again
        clock.advance(MongoFollowUpDesk.PER_CALLER.window());
        assertThat(desk.lookup(references.get(13), "4321", CALLER)).isInstanceOf(FollowUpAnswer.Found.class);
    }

    @Test
    void shouldCountUnknownReferencesAgainstTheCallerToo() {
        // when
        for (int i = 0; i < MongoFollowUpDesk.PER_CALLER.max(); i++) {
            assertThat(desk.lookup("99999999" + i, "0000", CALLER)).isInstanceOf(FollowUpAnswer.WrongPin.class);
        }
        // then
        assertThat(desk.lookup(references.get(0), "4321", CALLER)).isInstanceOf(FollowUpAnswer.Locked.class);
    }

    @Test
    void shouldPauseFollowUpForEveryoneWhenWrongPinsFloodIn() {
        // given: a distributed attempt from many (spoofed) numbers
        AttemptLimiter limiter = new AttemptLimiter(bed.mongo.database(), clock);
        for (int i = 0; i < MongoFollowUpDesk.GLOBAL.max(); i++) {
            limiter.fail(MongoFollowUpDesk.GLOBAL, "all");
        }
        // when / then
        assertThat(desk.lookup(references.get(0), "4321", "+231770000001")).isInstanceOf(FollowUpAnswer.Locked.class);
        assertThat(desk.lookup(references.get(0), "4321")).isInstanceOf(FollowUpAnswer.Locked.class);
        clock.advance(MongoFollowUpDesk.GLOBAL.window());
        assertThat(desk.lookup(references.get(0), "4321")).isInstanceOf(FollowUpAnswer.Found.class);
    }

    @Test
    void shouldAuditLookupsInTheChainWithoutTheNumber() {
        // when
        desk.lookup(references.get(0), "0000", CALLER);
        desk.lookup(references.get(0), "4321", CALLER);
        desk.addRecording(references.get(0), "/rec/follow-1", "en");
        // then
        List<Document> entries = bed.mongo.database().getCollection("audit_log").find().into(new ArrayList<>());
        assertThat(entries).extracting(e -> e.getString("action"))
                .containsExactly("followup.wrong_pin", "followup.status_heard", "followup.recording_added");
        assertThat(entries.toString()).doesNotContain(CALLER, "770999888");
        assertThat(bed.verifier().verify()).isInstanceOf(AuditVerification.Intact.class);
        assertThat(bed.mongo.database().getCollection("audit_events").countDocuments()).isZero();
    }

    @Test
    void shouldStoreTheFollowUpRecordingEncrypted() {
        // when
        desk.addRecording(references.get(1), "/rec/follow-2", "en");
        // then
        Document raw = bed.mongo.database().getCollection("tips").find(new Document("_id", "tip-1")).first();
        assertThat(raw.toJson()).doesNotContain("/rec/follow-2");
        assertThat(raw.getList("encKeys", String.class)).containsExactly("k1");
        assertThat(bed.cipher.open(raw).getList("followUps", Document.class).getFirst())
                .containsEntry("recording", "/rec/follow-2");
    }

    @Test
    void shouldRefuseBadLimits() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AttemptLimiter.Limit("x", 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AttemptLimiter.Limit("x", 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
