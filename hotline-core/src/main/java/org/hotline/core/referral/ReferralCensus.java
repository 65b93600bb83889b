package org.hotline.core.referral;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.pathway.Recipient;

/**
 * Counts the shared outbox (collection {@code referrals}) for the gauges: referrals by state, and referrals
 * still waiting for the agency's acknowledgement although their deadline passed or they were escalated.
 * One count per state and priority keeps the queries within what both MongoDB and the embedded server do.
 */
public final class ReferralCensus {

    public static final List<String> STATES = Arrays.stream(ReferralState.values()).map(Enum::name).toList();
    public static final List<String> PRIORITIES = Arrays.stream(Recipient.Priority.values()).map(Enum::name).toList();
    /** States in which the agency has not yet answered. */
    private static final List<String> UNANSWERED = List.of(ReferralState.PENDING.name(), ReferralState.SENDING.name(),
            ReferralState.DELIVERED.name(), ReferralState.FAILED.name(), ReferralState.DEAD_LETTER.name());

    private final MongoCollection<Document> referrals;

    public ReferralCensus(com.mongodb.client.MongoDatabase database) {
        this.referrals = database.getCollection(org.hotline.core.referral.internal.MongoReferralStore.REFERRALS);
    }

    public Map<String, Long> byState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATES.forEach(state -> counts.put(state, referrals.countDocuments(eq("state", state))));
        return counts;
    }

    /** Unanswered referrals whose acknowledgement deadline has passed or that were escalated, by priority. */
    public Map<String, Long> overdueByPriority(Instant now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        PRIORITIES.forEach(priority -> counts.put(priority, referrals.countDocuments(and(
                eq("priority", priority), in("state", UNANSWERED),
                or(lt("ackDeadline", Date.from(now)), gt("escalationStep", 0))))));
        return counts;
    }
}
