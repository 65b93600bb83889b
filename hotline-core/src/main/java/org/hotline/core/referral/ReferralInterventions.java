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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * new agency's referral carries the same payload (what the pathway and the caller's consents allowed for the
 * original profile), never more.
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

    /** {@code wakeDispatch} tells this node's dispatch there is work now (it also polls on its own). */
    public ReferralInterventions(MongoDatabase database, HotlineMetrics metrics, Clock clock, Runnable wakeDispatch) {
        this.referrals = database.getCollection(MongoReferralStore.REFERRALS);
        this.store = new MongoReferralStore(database);
        this.metrics = metrics;
        this.clock = clock;
        this.wakeDispatch = wakeDispatch;
    }

    /** Dead-lettered referrals no supervisor has handed on yet, oldest first. */
    public List<Referral> deadLetters(int limit) {
        return find(and(eq("state", ReferralState.DEAD_LETTER.name()), exists("resolved", false)), limit);
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
        store.recordOnTip(changed.getString("tipId"), changed.getString("agencyId"), referralId, ReferralState.PENDING, now);
        wakeDispatch.run();
        return new AnswerResult.Applied(ReferralDocuments.referral(changed));
    }

    /**
     * Hands the referral to {@code to} instead (with the same payload) and marks the original resolved.
     * Repeating it changes nothing.
     *
     * @return the new referral, or refused when the agency already has a referral of this tip or the original
     *     is acknowledged or answered
     */
    public AnswerResult reassign(String referralId, Agency to, String actor, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return new AnswerResult.Refused(AnswerResult.Reason.INVALID, "a reassignment needs a reason of 1-500 characters");
        }
        return handOver(referralId, to, actor, reason.strip(), "reassign", true, null);
    }

    /**
     * Sends the referral to the next agency of its escalation chain at IMMEDIATE priority, keeping the
     * original open. Refused when the chain is used up or its next entry is not an agency of the directory.
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
        Bson step = combine(action(now, kind, actor, to.id(), reason), set("updatedAt", Date.from(now)),
                resolve ? set("resolved", new Document("at", Date.from(now)).append("by", actor).append("action", kind)
                        .append("to", to.id())) : inc("chainIndex", 1));
        Bson asSeen = and(eq("_id", referralId), in("state", HANDOVER), exists("resolved", false),
                eq("chainIndex", seen.getInteger("chainIndex", 0)));
        if (referrals.updateOne(asSeen, step).getModifiedCount() == 0) {
            return wrongState(referralId, kind);
        }
        Document copy = copyFor(seen, to, newId, now).append("handedOverFrom", referralId);
        if (priority != null) {
            copy.append("priority", priority.name()).append("priorityRank", priority.ordinal());
        }
        store.insertIfAbsent(copy);
        metrics.referralCreated(to.id());
        metrics.referralState(ReferralState.PENDING.name(), copy.getString("channel"), to.id());
        wakeDispatch.run();
        return new AnswerResult.Applied(ReferralDocuments.referral(copy));
    }

    /** A fresh PENDING outbox entry for {@code to}, copied from {@code original} (payload, tip, pathway). */
    static Document copyFor(Document original, Agency to, String newId, Instant now) {
        List<Document> channels = to.channels().stream().map(ReferralDocuments::channel).toList();
        Document copy = new Document(original);
        for (String transient_ : List.of("leaseOwner", "leaseToken", "leaseUntil", "deliveredAt", "lastError",
                "deadLetteredAt", "actions", "escalations", "resolved", "acknowledgedAt", "declinedAt", "declineReason",
                "history", "outcomes", "handedOverFrom")) {
            copy.remove(transient_);
        }
        Number window = original.get("acknowledgeWithinMs", Number.class);
        copy.append("_id", newId)
                .append("agencyId", to.id())
                .append("agencyName", to.name())
                .append("channels", channels)
                .append("channel", ReferralService.primaryChannel(to.channels()).kind())
                .append("state", ReferralState.PENDING.name())
                .append("nextAttemptAt", Date.from(now))
                .append("attempts", List.of())
                .append("attemptCount", 0)
                .append("reminders", 0)
                .append("escalationStep", 0)
                .append("chainIndex", 0)
                .append("idempotencyKey", UUID.nameUUIDFromBytes(("referral:" + newId).getBytes(StandardCharsets.UTF_8))
                        .toString())
                .append("createdAt", Date.from(now))
                .append("updatedAt", Date.from(now));
        if (window != null) {
            copy.append("ackDeadline", Date.from(now.plusMillis(window.longValue())));
        }
        return copy;
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
