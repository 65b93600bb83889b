package org.hotline.core.referral;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.crypto.PayloadSeal;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.referral.internal.ReferralDocuments;

/**
 * An agency's answers to its referrals: acknowledge, decline (with a reason) and later outcomes. Each answer is
 * one atomic conditional update, so concurrent or repeated answers cannot race: a repeat is reported as
 * {@link AnswerResult.AlreadyApplied}, a contradiction (acknowledging a declined referral) as refused. An
 * acknowledgement also stops dispatch and escalation of the referral. Checking the agency's credential is the
 * caller's job; here {@code agencyId} is the agency the credential belongs to.
 */
public final class ReferralAnswers {

    /** Outcome codes an agency can report. {@code no_action} needs a note saying why. */
    public static final Set<String> OUTCOMES = Set.of(
            "investigation_opened", "victim_rescued", "victim_sheltered", "referred_onward", "no_action", "closed");

    private static final int MAX_TEXT = 1000;
    private static final List<String> OPEN = List.of(ReferralState.PENDING.name(), ReferralState.SENDING.name(),
            ReferralState.FAILED.name(), ReferralState.DELIVERED.name(), ReferralState.DEAD_LETTER.name());
    private static final List<String> ACKNOWLEDGED = List.of(ReferralState.ACKNOWLEDGED.name(),
            ReferralState.OUTCOME_RECORDED.name());

    private final MongoCollection<Document> referrals;
    private final HotlineMetrics metrics;
    private final Clock clock;
    private final Supplier<PayloadSeal> seal;

    /** Answers whose free text (decline reasons, outcome notes) is stored in clear: for dispatch tests only. */
    public ReferralAnswers(MongoDatabase database, HotlineMetrics metrics, Clock clock) {
        this(database, metrics, clock, () -> PayloadSeal.NONE);
    }

    /** Answers whose free text is sealed, bound to the referral's tip, by the node's payload seal. */
    public ReferralAnswers(MongoDatabase database, HotlineMetrics metrics, Clock clock, Supplier<PayloadSeal> seal) {
        this.referrals = database.getCollection(MongoReferralStore.REFERRALS);
        this.metrics = metrics;
        this.clock = clock;
        this.seal = seal;
    }

    /** The agency's free text as stored: sealed for the referral's tip under {@code key}. */
    private String sealed(String referralId, String key, String text) {
        if (text == null) {
            return null;
        }
        int colon = referralId.indexOf(':');
        String tipId = colon < 0 ? referralId : referralId.substring(0, colon);
        return seal.get().sealText(tipId, "referral." + key, text);
    }

    /** The agency has the referral and takes it on. Allowed until it was declined. */
    public AnswerResult acknowledge(String referralId, String agencyId) {
        Instant now = clock.instant();
        Bson update = combine(set("state", ReferralState.ACKNOWLEDGED.name()), set("acknowledgedAt", Date.from(now)),
                history(now, "acknowledged", null));
        return answer(referralId, agencyId, OPEN, update, ReferralState.ACKNOWLEDGED, ACKNOWLEDGED, now);
    }

    /** The agency will not take the referral; {@code reason} is required (at most 1000 characters). */
    public AnswerResult decline(String referralId, String agencyId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
            return new AnswerResult.Refused(AnswerResult.Reason.INVALID, "a decline needs a reason of 1-" + MAX_TEXT + " characters");
        }
        Instant now = clock.instant();
        Bson update = combine(set("state", ReferralState.DECLINED.name()), set("declinedAt", Date.from(now)),
                set("declineReason", sealed(referralId, "declineReason", reason.strip())),
                history(now, "declined", sealed(referralId, "history.note", reason.strip())));
        return answer(referralId, agencyId, OPEN, update, ReferralState.DECLINED,
                List.of(ReferralState.DECLINED.name()), now);
    }

    /**
     * Records one outcome of an acknowledged referral. Each outcome code counts once; reporting the same code
     * again changes nothing.
     */
    public AnswerResult recordOutcome(String referralId, String agencyId, String outcome, String note) {
        List<String> problems = new ArrayList<>();
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            problems.add("outcome must be one of " + OUTCOMES.stream().sorted().toList());
        }
        if ("no_action".equals(outcome) && (note == null || note.isBlank())) {
            problems.add("no_action needs a note saying why");
        }
        if (note != null && note.length() > MAX_TEXT) {
            problems.add("note is longer than " + MAX_TEXT + " characters");
        }
        if (!problems.isEmpty()) {
            return new AnswerResult.Refused(AnswerResult.Reason.INVALID, String.join("; ", problems));
        }
        Instant now = clock.instant();
        Bson filter = and(eq("_id", referralId), eq("agencyId", agencyId), in("state", ACKNOWLEDGED),
                exists("outcomes." + outcome, false));
        Bson update = combine(set("state", ReferralState.OUTCOME_RECORDED.name()),
                set("outcomes." + outcome, new Document("at", Date.from(now))
                        .append("note", sealed(referralId, "outcome.note", note))),
                history(now, "outcome:" + outcome, sealed(referralId, "history.note", note)));
        Document changed = referrals.findOneAndUpdate(filter, update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (changed != null) {
            return applied(changed, ReferralState.OUTCOME_RECORDED);
        }
        Document current = mine(referralId, agencyId);
        if (current == null) {
            return notFound(referralId, agencyId);
        }
        if (current.get("outcomes", Document.class) != null && current.get("outcomes", Document.class).containsKey(outcome)) {
            return new AnswerResult.AlreadyApplied(ReferralDocuments.referral(current));
        }
        return wrongState(current, "record an outcome of");
    }

    private AnswerResult answer(String referralId, String agencyId, List<String> from, Bson update,
            ReferralState to, List<String> sameAnswer, Instant now) {
        Bson filter = and(eq("_id", referralId), eq("agencyId", agencyId), in("state", from));
        // An answer ends dispatch: a node still holding a lease finds the state changed and records nothing.
        Bson withLeaseCleared = combine(update, unset("leaseOwner"), unset("leaseToken"), unset("leaseUntil"));
        Document changed = referrals.findOneAndUpdate(filter, withLeaseCleared,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (changed != null) {
            return applied(changed, to);
        }
        Document current = mine(referralId, agencyId);
        if (current == null) {
            return notFound(referralId, agencyId);
        }
        if (sameAnswer.contains(current.getString("state"))) {
            return new AnswerResult.AlreadyApplied(ReferralDocuments.referral(current));
        }
        return wrongState(current, to == ReferralState.ACKNOWLEDGED ? "acknowledge" : "decline");
    }

    private AnswerResult applied(Document changed, ReferralState to) {
        String agency = changed.getString("agencyId");
        metrics.referralState(to.name(), changed.getString("channel"), agency);
        return new AnswerResult.Applied(ReferralDocuments.referral(changed));
    }

    private Document mine(String referralId, String agencyId) {
        return referrals.find(and(eq("_id", referralId), eq("agencyId", agencyId))).first();
    }

    private static AnswerResult notFound(String referralId, String agencyId) {
        return new AnswerResult.Refused(AnswerResult.Reason.NOT_FOUND,
                "no referral " + referralId + " for agency " + agencyId);
    }

    private static AnswerResult wrongState(Document current, String action) {
        return new AnswerResult.Refused(AnswerResult.Reason.WRONG_STATE,
                "cannot " + action + " referral " + current.getString("_id") + " in state " + current.getString("state"));
    }

    private static Bson history(Instant at, String action, String note) {
        return push("history", new Document("at", Date.from(at)).append("action", action).append("note", note));
    }
}
