package org.hotline.core.followup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.BiFunction;
import org.bson.Document;
import org.hotline.core.storage.MongoStore;
import org.hotline.ivr.FollowUpAnswer;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.IntakeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow-up by reference and PIN against the stored tips. Wrong PINs are counted on the tip itself with an
 * atomic update, so the lock holds across calls and nodes: after {@value #MAX_FAILURES} wrong PINs the
 * reference answers "locked" for {@link #LOCK_PERIOD}, whatever the PIN, which stops enumeration by phone.
 * An unknown reference answers exactly like a wrong PIN.
 */
public final class MongoFollowUpDesk implements FollowUpDesk {

    private static final Logger LOG = LoggerFactory.getLogger(MongoFollowUpDesk.class);
    static final int MAX_FAILURES = 3;
    static final Duration LOCK_PERIOD = Duration.ofMinutes(30);

    private final MongoCollection<Document> tips;
    private final MongoCollection<Document> referrals;
    private final MongoCollection<Document> audit;
    private final BiFunction<String, String, String> pinHash;
    private final Clock clock;

    /** {@code pinHash} maps (reference, pin) to the stored hash, as intake computed it. */
    public MongoFollowUpDesk(MongoStore store, BiFunction<String, String, String> pinHash, Clock clock) {
        this.tips = store.database().getCollection("tips");
        this.referrals = store.database().getCollection("referrals");
        this.audit = store.database().getCollection("audit_events");
        this.pinHash = pinHash;
        this.clock = clock;
    }

    @Override
    public FollowUpAnswer lookup(String reference, String pin) {
        Document tip = tips.find(Filters.eq("reference", reference)).first();
        if (tip == null) {
            return new FollowUpAnswer.WrongPin();
        }
        Instant now = clock.instant();
        Date lockedUntil = tip.getDate("pinLockedUntil");
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
            record("followup.locked_attempt", reference);
            return new FollowUpAnswer.Locked();
        }
        String expected = tip.getString("pinHash");
        if (expected != null && constantTimeEquals(expected, pinHash.apply(reference, pin))) {
            tips.updateOne(Filters.eq("_id", tip.get("_id")), Updates.combine(
                    Updates.set("pinFailures", 0), Updates.unset("pinLockedUntil")));
            record("followup.status_heard", reference);
            return new FollowUpAnswer.Found(status(tip));
        }
        return wrongPin(tip, reference, now);
    }

    @Override
    public void addRecording(String reference, String recording, String language) {
        try {
            tips.updateOne(Filters.eq("reference", reference), Updates.push("followUps",
                    new Document("at", Date.from(clock.instant())).append("recording", recording)
                            .append("language", language)));
            record("followup.recording_added", reference);
        } catch (RuntimeException e) {
            throw new IntakeUnavailableException("the follow-up recording could not be stored", e);
        }
    }

    private FollowUpAnswer wrongPin(Document tip, String reference, Instant now) {
        Document updated = tips.findOneAndUpdate(Filters.eq("_id", tip.get("_id")), Updates.inc("pinFailures", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        int failures = updated == null ? MAX_FAILURES : updated.getInteger("pinFailures", 0);
        if (failures >= MAX_FAILURES) {
            tips.updateOne(Filters.eq("_id", tip.get("_id")), Updates.combine(
                    Updates.set("pinLockedUntil", Date.from(now.plus(LOCK_PERIOD))), Updates.set("pinFailures", 0)));
            LOG.warn("Follow-up locked for a tip after {} wrong PINs", MAX_FAILURES);
            record("followup.locked", reference);
            return new FollowUpAnswer.Locked();
        }
        record("followup.wrong_pin", reference);
        return new FollowUpAnswer.WrongPin();
    }

    private FollowUpAnswer.TipStatus status(Document tip) {
        String status = tip.getString("status");
        if ("CLOSED".equals(status)) {
            return FollowUpAnswer.TipStatus.CLOSED;
        }
        boolean acknowledged = referrals.find(Filters.and(Filters.eq("tipId", tip.get("_id")),
                Filters.in("state", List.of("ACKNOWLEDGED", "OUTCOME_RECORDED")))).first() != null;
        if (acknowledged) {
            return FollowUpAnswer.TipStatus.ACKNOWLEDGED;
        }
        return "REFERRED".equals(status) ? FollowUpAnswer.TipStatus.REFERRED : FollowUpAnswer.TipStatus.RECEIVED;
    }

    private void record(String action, String reference) {
        try {
            audit.insertOne(new Document("at", Date.from(clock.instant())).append("actor", "ivr")
                    .append("action", action).append("reference", reference));
        } catch (RuntimeException e) {
            LOG.warn("Could not record audit event {}", action, e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
