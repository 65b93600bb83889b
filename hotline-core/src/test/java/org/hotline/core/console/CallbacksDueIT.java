package org.hotline.core.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.ReferralService;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callbacks due: consented, never a child's, only inside the safe window (hotline time), read audited. */
class CallbacksDueIT {

    private static final ZoneId MONROVIA = ZoneId.of("Africa/Monrovia");
    private static final Principal OPERATOR = new Principal("u-olu", "olu", Set.of(Role.OPERATOR), Optional.empty());

    @TempDir
    Path dir;

    private MongoStore mongo;
    private TipCipher cipher;
    private SteppingClock clock;
    private TipDesk desk;
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        cipher = TipCipher.open(Map.of(), dir);
        clock = new SteppingClock(Instant.parse("2026-11-23T09:30:00Z"));
        desk = new TipDesk(new org.hotline.core.tip.internal.MongoTipRepository(mongo, cipher),
                new ReferralService(mongo.database(), new HotlineMetrics(false), clock, cipher,
                        audited::add), audited::add, clock, MONROVIA);
        tip("t-morning", "000000001", "morning", false, true);
        tip("t-evening", "000000002", "evening", false, true);
        tip("t-any", "000000003", "any", false, true);
        // a child tip stays out until an operator decides otherwise with a reason
        tip("t-child", "000000004", "any", true, true);
        tip("t-noconsent", "000000005", "any", false, false);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void shouldShowOnlyConsentedAdultCallbacksWhoseWindowIsOpenNow() {
        // when: 09:30 in Monrovia
        JsonArray due = desk.callbacksDue(OPERATOR);
        // then
        assertThat(references(due)).containsExactlyInAnyOrder("000000001", "000000003");
        assertThat(due.getJsonObject(0).getString("callerNumber")).startsWith("+231");
        assertThat(audited).extracting(AuditEvent::action).containsOnly("tip.read").hasSize(2);
    }

    @Test
    void shouldShowAChildsCallbackOnlyAfterAnOperatorsRecordedDecision() {
        // when
        var decision = new org.hotline.core.privacy.TipPrivacy(new org.hotline.core.tip.internal.MongoTipRepository(mongo, cipher), audited::add, clock)
                .allowChildCallback("000000004", "operator-1", "the child's aunt asked us to call back, she is safe");
        // then
        assertThat(decision).isInstanceOf(org.hotline.core.privacy.PrivacyDecision.Applied.class);
        assertThat(references(desk.callbacksDue(OPERATOR))).contains("000000004");
    }

    @Test
    void shouldMoveWithTheClockAndShowNothingAtNight() {
        clock.advanceTo(Instant.parse("2026-11-23T18:00:00Z"));
        assertThat(references(desk.callbacksDue(OPERATOR))).containsExactlyInAnyOrder("000000002", "000000003");
        clock.advanceTo(Instant.parse("2026-11-23T22:30:00Z"));
        assertThat(desk.callbacksDue(OPERATOR)).isEmpty();
    }

    @Test
    void shouldDropACallbackOnceItsResultIsRecorded() {
        // when
        boolean done = desk.callbackDone("000000001", "reached", OPERATOR);
        // then
        assertThat(done).isTrue();
        assertThat(references(desk.callbacksDue(OPERATOR))).containsExactly("000000003");
        assertThat(desk.callbackDone("999999999", "reached", OPERATOR)).isFalse();
    }

    @Test
    void shouldKeepAnAfterHoursCallbackOutOfTheListUntilItsScheduledTime() {
        // given: the 'any' tip came after hours; its callback is scheduled for Tuesday 08:00
        new org.hotline.core.tip.internal.MongoTipRepository(mongo, cipher).markAfterHours("t-any",
                new org.hotline.core.tip.Tip.AfterHoursCare(null, List.of(), Instant.parse("2026-11-24T08:00:00Z")));

        // when / then: not on Monday morning, although the window is open
        assertThat(references(desk.callbacksDue(OPERATOR))).containsExactly("000000001");
        clock.advanceTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(references(desk.callbacksDue(OPERATOR))).containsExactlyInAnyOrder("000000001", "000000003");
    }

    private void tip(String id, String reference, String window, boolean child, boolean consent) {
        Document tip = new Document("_id", id).append("reference", reference)
                .append("receivedAt", Date.from(clock.instant())).append("status", "REFERRED").append("source", "ivr")
                .append("fields", new Document("exploitationType", "forced_labour").append("callbackWindow", window)
                        .append("childInvolved", child))
                .append("consents", new Document("callback", consent))
                .append("callbackEffective", consent && !child)
                .append("callerNumber", "+23177000000" + reference.charAt(8));
        mongo.database().getCollection("tips").insertOne(cipher.seal(tip));
    }

    private static List<String> references(JsonArray due) {
        return due.stream().map(JsonObject.class::cast).map(t -> t.getString("reference")).toList();
    }
}
