package org.hotline.core.referral;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Recipient;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on referrals whose acknowledge-by time passed without an answer. Deadlines live on the referrals in
 * MongoDB, so a restart loses none, and each breach is taken by one atomic conditional update, so several
 * nodes can sweep side by side without acting twice.
 *
 * <p>The first breach of a delivered referral reminds the agency (the referral goes back to the outbox under
 * a new idempotency key); every further breach, or the first one of a referral that never got through,
 * escalates to the next entry of the referral's escalation chain. Each step gives the referral its own
 * acknowledgement window again, is recorded on the referral ({@code escalations}) and lands in the
 * supervisors' queue (collection {@code escalations}, one document per referral and step). Once the chain is
 * used up, a last "exhausted" entry is queued and the referral is not swept again.
 */
public final class DeadlineSweeper {

    /** Collection of escalation steps supervisors work through. */
    public static final String ESCALATIONS = "escalations";

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweeper.class);
    private static final List<String> UNANSWERED = List.of(ReferralState.PENDING.name(), ReferralState.SENDING.name(),
            ReferralState.FAILED.name(), ReferralState.DELIVERED.name(), ReferralState.DEAD_LETTER.name());

    private final MongoCollection<Document> referrals;
    private final MongoCollection<Document> escalations;
    private final HotlineMetrics metrics;
    private final Clock clock;
    private final Handovers handovers;

    /**
     * @param handovers an escalation step to an agency of the active directory also hands the case to that
     *     agency: a new IMMEDIATE referral whose payload is cut for that agency's own profile (the chain is the
     *     pathway's, so the next agency is one it named for this case); a step to anyone else is only queued
     */
    public DeadlineSweeper(MongoDatabase database, HotlineMetrics metrics, Clock clock, Handovers handovers) {
        this.referrals = database.getCollection(MongoReferralStore.REFERRALS);
        this.escalations = database.getCollection(ESCALATIONS);
        this.metrics = metrics;
        this.clock = clock;
        this.handovers = java.util.Objects.requireNonNull(handovers, "handovers");
    }

    /** Handles every breach due now; returns how many steps were taken. */
    public int sweepOnce() {
        int steps = 0;
        Instant now = clock.instant();
        Bson due = and(in("state", UNANSWERED), lte("ackDeadline", Date.from(now)), ne("escalationExhausted", true));
        for (Document seen = first(due); seen != null; seen = first(due)) {
            if (takeStep(seen, now)) {
                steps++;
            }
        }
        return steps;
    }

    private Document first(Bson due) {
        return referrals.find(due).sort(Sorts.ascending("ackDeadline")).first();
    }

    /** Decides the step for what was seen and applies it only if the referral is still as seen. */
    private boolean takeStep(Document seen, Instant now) {
        String state = seen.getString("state");
        int step = seen.getInteger("escalationStep", 0);
        int chainIndex = seen.getInteger("chainIndex", 0);
        List<String> chain = seen.getList("escalationChain", String.class, List.of());
        Duration window = window(seen);
        String action;
        String target;
        List<Bson> changes = new ArrayList<>();
        if (ReferralState.DELIVERED.name().equals(state) && seen.getInteger("reminders", 0) == 0) {
            action = "renotify";
            target = seen.getString("agencyId");
            // Back into the outbox under a new key: the agency drops repeats, a reminder must get through.
            changes.add(set("state", ReferralState.PENDING.name()));
            changes.add(set("nextAttemptAt", Date.from(now)));
            changes.add(inc("reminders", 1));
        } else if (chainIndex < chain.size()) {
            action = "escalate";
            target = chain.get(chainIndex);
            changes.add(inc("chainIndex", 1));
        } else {
            action = "exhausted";
            target = "supervisor";
        }
        Document entry = new Document("at", Date.from(now)).append("step", step + 1).append("action", action)
                .append("to", target).append("stateAtBreach", state);
        changes.add(inc("escalationStep", 1));
        changes.add(push("escalations", entry));
        // An exhausted chain keeps its (passed) deadline, so the portal and the lists still show it overdue; the
        // flag only stops the sweeper from taking it again.
        changes.add("exhausted".equals(action) ? set("escalationExhausted", true)
                : set("ackDeadline", Date.from(now.plus(window))));
        Bson asSeen = and(eq("_id", seen.getString("_id")), eq("state", state), eq("escalationStep", step));
        if (referrals.updateOne(asSeen, combine(changes)).getModifiedCount() == 0) {
            return false;
        }
        queue(seen, entry);
        if ("escalate".equals(action)) {
            handovers.agency(target).ifPresent(agency -> handOver(handovers, seen, agency, now));
        }
        metrics.deadlineBreach(seen.getString("agencyId"), action);
        LOG.warn("Referral {} to {} not acknowledged in time: {} to {}", seen.getString("_id"),
                seen.getString("agencyId"), action, target);
        return true;
    }

    /** A new IMMEDIATE referral of the case to {@code agency}, unless that agency has one already. */
    private void handOver(Handovers h, Document seen, Agency agency, Instant now) {
        h.handOver(seen, agency, Handovers.Kind.ESCALATE, "system", Recipient.Priority.IMMEDIATE, now);
        LOG.warn("Referral {} escalated: the case now also goes to {}", seen.getString("_id"), agency.id());
    }

    /** The referral's own acknowledgement window, as its rule set it when the referral was created. */
    private static Duration window(Document referral) {
        Number millis = referral.get("acknowledgeWithinMs", Number.class);
        if (millis != null && millis.longValue() > 0) {
            return Duration.ofMillis(millis.longValue());
        }
        // written before the window was stored: the first deadline minus creation is the same window
        Duration first = Duration.between(referral.getDate("createdAt").toInstant(),
                referral.getDate("ackDeadline").toInstant());
        return first.isNegative() || first.isZero() ? Duration.ofHours(1) : first;
    }

    private void queue(Document referral, Document entry) {
        Document item = new Document("_id", referral.getString("_id") + ":" + entry.getInteger("step"))
                .append("referralId", referral.getString("_id"))
                .append("tipId", referral.getString("tipId"))
                .append("reference", referral.getString("reference"))
                .append("agencyId", referral.getString("agencyId"))
                .append("priority", referral.getString("priority"))
                .append("open", true);
        item.putAll(entry);
        try {
            escalations.insertOne(item);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
