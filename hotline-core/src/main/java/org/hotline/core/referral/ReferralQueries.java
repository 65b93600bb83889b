package org.hotline.core.referral;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.referral.internal.ReferralDocuments;
import org.hotline.core.tip.TipQueries;

/**
 * Reads of stored referrals for other features, as typed {@link Referral}s without their payloads: the agency
 * directory's channel health, the SMS reply matching and the tip's status look-up. No payload is read, so nothing
 * personal is opened.
 */
public final class ReferralQueries {

    /** Envelope fields only: never the payload, withheld fields or overrides. */
    private static final Bson ENVELOPE = Projections.include("tipId", "reference", "agencyId", "agencyName", "profile",
            "priority", "channel", "state", "pathwayId", "pathwayVersion", "createdAt", "ackDeadline", "nextAttemptAt",
            "deliveredAt", "attempts", "lastError", "idempotencyKey");

    private final MongoCollection<Document> referrals;

    public ReferralQueries(MongoDatabase database) {
        this.referrals = database.getCollection(MongoReferralStore.REFERRALS);
    }

    /** Referrals created since {@code since}, any state. */
    public List<Referral> createdSince(Instant since) {
        return list(referrals.find(gte("createdAt", Date.from(since))).projection(ENVELOPE));
    }

    /**
     * Where each referral of tip {@code tipId} stands, by agency id, in agency order: the referral sent to the
     * agency (a routed, handed-over or reassigned one), not the updates sent after it. The tip's status look-up
     * shows it ({@link TipQueries#referralStates}).
     */
    public Map<String, TipQueries.ReferralState> statesOf(String tipId) {
        Map<String, TipQueries.ReferralState> out = new TreeMap<>();
        referrals.find(eq("tipId", tipId)).projection(Projections.include("agencyId", "state", "deliveredAt"))
                .forEach(r -> {
                    String agency = r.getString("agencyId");
                    if (ReferralService.isReferralItself(r.getString("_id"), tipId, agency)) {
                        out.put(agency, new TipQueries.ReferralState(r.getString("state"),
                                r.getDate("deliveredAt") == null ? null : r.getDate("deliveredAt").toInstant()));
                    }
                });
        return out;
    }

    /** The most recent {@code limit} referrals sent by SMS to one of {@code numbers}, newest first. */
    public List<Referral> sentBySmsTo(List<String> numbers, int limit) {
        return list(referrals.find(elemMatch("channels", and(eq("kind", "sms"), in("number", numbers))))
                .projection(ENVELOPE).sort(Sorts.descending("createdAt")).limit(limit));
    }

    /**
     * How one referral was answered, for statistics: when it was created and acknowledged or declined, its
     * agency's own time limit, the outcome codes reported (never their notes).
     *
     * @param firstDeadline the deadline as first set (escalation may move the current one, not the agency's limit)
     */
    public record AnswerFacts(String tipId, String agencyId, String agencyName, Instant createdAt,
            Instant firstDeadline, Instant acknowledgedAt, boolean declined, java.util.Set<String> outcomes) {}

    /** The answers of the referrals created in [{@code from}, {@code to}). */
    public List<AnswerFacts> answersCreatedBetween(Instant from, Instant to) {
        List<AnswerFacts> out = new ArrayList<>();
        referrals.find(and(gte("createdAt", Date.from(from)), com.mongodb.client.model.Filters.lt("createdAt",
                        Date.from(to))))
                .projection(Projections.include("tipId", "agencyId", "agencyName", "createdAt", "ackDeadline",
                        "acknowledgeWithinMs", "acknowledgedAt", "declinedAt", "outcomes"))
                .forEach(r -> out.add(answerFacts(r)));
        return out;
    }

    private static AnswerFacts answerFacts(Document r) {
        Instant created = r.getDate("createdAt") == null ? null : r.getDate("createdAt").toInstant();
        Number within = r.get("acknowledgeWithinMs", Number.class);
        Instant deadline = within != null && created != null ? created.plusMillis(within.longValue())
                : r.getDate("ackDeadline") == null ? null : r.getDate("ackDeadline").toInstant();
        Document outcomes = r.get("outcomes", Document.class);
        return new AnswerFacts(r.getString("tipId"), r.getString("agencyId"), r.getString("agencyName"), created,
                deadline, r.getDate("acknowledgedAt") == null ? null : r.getDate("acknowledgedAt").toInstant(),
                r.getDate("declinedAt") != null, outcomes == null ? java.util.Set.of() : java.util.Set.copyOf(outcomes.keySet()));
    }

    private static List<Referral> list(Iterable<Document> found) {
        List<Referral> out = new ArrayList<>();
        found.forEach(d -> out.add(ReferralDocuments.referral(d)));
        return out;
    }
}
