package org.hotline.core.referral;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.referral.internal.ReferralDocuments;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Recipient;

/**
 * What supervisors do with referrals that fell through: the lists (dead letters; referrals past their
 * acknowledgement deadline) and the actions — retry, reassign to another agency, escalate along the
 * referral's escalation chain. Each action is one conditional update on the referral as the supervisor saw
 * it, so two supervisors acting at once cannot both apply; it is recorded on the referral ({@code actions}).
 *
 * <p>A referral handed to another agency is marked {@code resolved} and leaves the supervisors' lists; the
 * new agency's referral is cut anew from the case file for that agency's own profile ({@link Handovers}), so a
 * reassign never carries what the original agency's profile or overrides allowed.
 */
public final class ReferralInterventions {

    private static final List<String> UNANSWERED = List.of(ReferralState.PENDING.name(), ReferralState.SENDING.name(),
            ReferralState.FAILED.name(), ReferralState.DELIVERED.name());
    private static final List<String> RETRYABLE = List.of(ReferralState.DEAD_LETTER.name(), ReferralState.FAILED.name(),
            ReferralState.DELIVERED.name());
    private static final List<String> HANDOVER = List.of(ReferralState.DEAD_LETTER.name(), ReferralState.FAILED.name(),
            ReferralState.DELIVERED.name(), ReferralState.PENDING.name(), ReferralState.DECLINED.name());

    private final MongoCollection<Document> referrals;
    private final MongoReferralStore store;
    private final HotlineMetrics metrics;
    private final Clock clock;
    private final Runnable wakeDispatch;
    private final Handovers handovers;

    /**
     * {@code wakeDispatch} tells this node's dispatch there is work now (it also polls on its own);
     * {@code handovers} cuts and stores the referral of a reassign or escalation.
     */
    public ReferralInterventions(MongoDatabase database, HotlineMetrics metrics, Clock clock, Runnable wakeDispatch,
            Handovers handovers) {
        this.referrals = database.getCollection(MongoReferralStore.REFERRALS);
        this.store = new MongoReferralStore(database);
        this.metrics = metrics;
        this.clock = clock;
        this.wakeDispatch = wakeDispatch;
        this.handovers = handovers;
    }

    /** Dead-lettered referrals no supervisor has handed on yet, oldest first. */
    public List<Referral> deadLetters(int limit) {
        return find(and(eq("state", ReferralState.DEAD_LETTER.name()), exists("resolved", false)), limit);
    }

    /** Referrals an agency declined that no supervisor has handed on yet, oldest first. */
    public List<Referral> declined(int limit) {
        return find(and(eq("state", ReferralState.DECLINED.name()), exists("resolved", false),
                ne("kind", ReferralUpdates.KIND)), limit);
    }

    /**
     * Referrals still unanswered past their acknowledgement deadline, or already escalated by the deadline
     * sweeper, and not handed on; most urgent first.
     */
    public List<Referral> overdue(int limit) {
        Bson late = or(lte("ackDeadline", Date.from(clock.instant())), gt("escalationStep", 0));
        return referrals.find(and(in("state", UNANSWERED), late, exists("resolved", false), ne("kind", ReferralUpdates.KIND)))
                .sort(Sorts.ascending("priorityRank", "ackDeadline")).limit(limit)
                .map(ReferralDocuments::referral).into(new ArrayList<>());
    }

    /**
     * Sends the referral again: back into the outbox now, with a fresh round of attempts and a fresh
     * acknowledgement window. Allowed for dead letters, failed and delivered-but-unanswered referrals.
     */
    public AnswerResult retry(String referralId, String actor) {
        Instant now = clock.instant();
        Document seen = referrals.find(eq("_id", referralId)).first();
        if (seen == null) {
            return notFound(referralId);
        }
        List<Bson> changes = new ArrayList<>(List.of(set("state", ReferralState.PENDING.name()),
                set("nextAttemptAt", Date.from(now)), set("attemptCount", 0), set("updatedAt", Date.from(now)),
                action(now, "retry", actor, null, null)));
        Number window = seen.get("acknowledgeWithinMs", Number.class);
        if (window != null && !ReferralUpdates.KIND.equals(seen.getString("kind"))) {
            changes.add(set("ackDeadline", Date.from(now.plusMillis(window.longValue()))));
        }
        if (ReferralState.DELIVERED.name().equals(seen.getString("state"))) {
            // the agency drops repeats of a key; a re-sent delivery must reach a person
            changes.add(inc("reminders", 1));
        }
        Document changed = referrals.findOneAndUpdate(
                and(eq("_id", referralId), in("state", RETRYABLE), exists("resolved", false)), combine(changes),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (changed == null) {
            return wrongState(referralId, "retry");
        }
        metrics.referralState(ReferralState.PENDING.name(), changed.getString("channel"), changed.getString("agencyId"));
        wakeDispatch.run();
        return new AnswerResult.Applied(ReferralDocuments.referral(changed));
    }

    /**
     * Hands the case to {@code to} instead (with the payload that agency's own profile allows) and marks the
     * original resolved. Repeating it changes nothing. Refused when the pathway gives {@code to} no
     * data-sharing profile at all (it refers no cases to that agency).
     *
     * @return the new referral, or refused when the agency already has a referral of this tip or the original
     *     is acknowledged or answered
     */
    public AnswerResult reassign(String referralId, Agency to, String actor, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return new AnswerResult.Refused(AnswerResult.Reason.INVALID, "a reassignment needs a reason of 1-500 characters");
        }
        if (!handovers.hasProfile(to.id())) {
            return new AnswerResult.Refused(AnswerResult.Reason.INVALID, "the pathway refers no cases to " + to.id()
                    + " and gives it no data-sharing profile: choose an agency it refers cases to");
        }
        return handOver(referralId, to, actor, reason.strip(), "reassign", true, null);
    }

    /**
     * Sends the case to the next agency of its escalation chain at IMMEDIATE priority, keeping the original
     * open; the new referral carries what that agency's own profile allows. Refused when the chain is used up or its next entry is not an agency of the directory.
     */
    public AnswerResult escalate(String referralId, Function<String, Optional<Agency>> directory, String actor,
            String reason) {
        Document seen = referrals.find(eq("_id", referralId)).first();
        if (seen == null) {
            return notFound(referralId);
        }
        List<String> chain = seen.getList("escalationChain", String.class, List.of());
        int next = seen.getInteger("chainIndex", 0);
        Optional<Agency> target = next < chain.size() ? directory.apply(chain.get(next)) : Optional.empty();
        if (target.isEmpty()) {
            return new AnswerResult.Refused(AnswerResult.Reason.WRONG_STATE, next < chain.size()
                    ? "the next step of the escalation chain (" + chain.get(next) + ") is not an agency; call them"
                    : "the escalation chain of referral " + referralId + " is used up");
        }
        return handOver(referralId, target.get(), actor, reason == null ? null : reason.strip(), "escalate", false,
                Recipient.Priority.IMMEDIATE);
    }

    private AnswerResult handOver(String referralId, Agency to, String actor, String reason, String kind,
            boolean resolve, Recipient.Priority priority) {
        Instant now = clock.instant();
        Document seen = referrals.find(eq("_id", referralId)).first();
        if (seen == null) {
            return notFound(referralId);
        }
        if (to.id().equals(seen.getString("agencyId"))) {
            return new AnswerResult.Refused(AnswerResult.Reason.INVALID, "the referral is already with " + to.id());
        }
        String newId = ReferralService.referralId(seen.getString("tipId"), to.id());
        Optional<Document> existing = store.find(newId);
        if (existing.isPresent()) {
            return existing.get().getString("handedOverFrom") != null
                    && referralId.equals(existing.get().getString("handedOverFrom"))
                    ? new AnswerResult.AlreadyApplied(ReferralDocuments.referral(existing.get()))
                    : new AnswerResult.Refused(AnswerResult.Reason.WRONG_STATE,
                            to.id() + " already has a referral of this tip");
        }
        String sealedReason = handovers.seal().sealText(seen.getString("tipId"), "referral.actions.reason", reason);
        Bson step = combine(action(now, kind, actor, to.id(), sealedReason), set("updatedAt", Date.from(now)),
                resolve ? set("resolved", new Document("at", Date.from(now)).append("by", actor).append("action", kind)
                        .append("to", to.id())) : inc("chainIndex", 1));
        Bson asSeen = and(eq("_id", referralId), in("state", HANDOVER), exists("resolved", false),
                eq("chainIndex", seen.getInteger("chainIndex", 0)));
        if (referrals.updateOne(asSeen, step).getModifiedCount() == 0) {
            return wrongState(referralId, kind);
        }
        Document copy = handovers.handOver(seen, to, resolve ? Handovers.Kind.REASSIGN : Handovers.Kind.ESCALATE,
                actor, priority, now);
        return new AnswerResult.Applied(ReferralDocuments.referral(copy));
    }

    private List<Referral> find(Bson filter, int limit) {
        return referrals.find(filter).sort(Sorts.ascending("createdAt")).limit(limit)
                .map(ReferralDocuments::referral).into(new ArrayList<>());
    }

    private static Bson action(Instant at, String kind, String actor, String to, String reason) {
        return push("actions", new Document("at", Date.from(at)).append("action", kind).append("by", actor)
                .append("to", to).append("reason", reason));
    }

    private static AnswerResult notFound(String referralId) {
        return new AnswerResult.Refused(AnswerResult.Reason.NOT_FOUND, "no referral " + referralId);
    }

    private AnswerResult wrongState(String referralId, String action) {
        Document current = referrals.find(eq("_id", referralId)).first();
        String state = current == null ? "unknown" : current.getString("state")
                + (current.get("resolved") != null ? " (handed on already)" : "");
        return new AnswerResult.Refused(AnswerResult.Reason.WRONG_STATE,
                "cannot " + action + " referral " + referralId + " in state " + state);
    }
}
