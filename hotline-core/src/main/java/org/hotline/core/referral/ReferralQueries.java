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
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.referral.internal.ReferralDocuments;

/**
 * Reads of stored referrals for other features, as typed {@link Referral}s without their payloads: the agency
 * directory's channel health and the SMS reply matching. No payload is read, so nothing personal is opened.
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

    /** The most recent {@code limit} referrals sent by SMS to one of {@code numbers}, newest first. */
    public List<Referral> sentBySmsTo(List<String> numbers, int limit) {
        return list(referrals.find(elemMatch("channels", and(eq("kind", "sms"), in("number", numbers))))
                .projection(ENVELOPE).sort(Sorts.descending("createdAt")).limit(limit));
    }

    private static List<Referral> list(Iterable<Document> found) {
        List<Referral> out = new ArrayList<>();
        found.forEach(d -> out.add(ReferralDocuments.referral(d)));
        return out;
    }
}
