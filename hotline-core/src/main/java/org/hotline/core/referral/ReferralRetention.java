package org.hotline.core.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.hotline.core.referral.internal.MongoReferralStore;

/** The retention purge's part in the referrals: what a purged case's referrals must no longer hold. */
public final class ReferralRetention {

    private ReferralRetention() {}

    private static MongoCollection<Document> of(MongoDatabase database) {
        return database.getCollection(MongoReferralStore.REFERRALS);
    }

    /**
     * Drops what a purged tip's referrals hold about the case: payloads, the agency's decline reason and outcome
     * notes, the history's notes and the supervisors' reasons. The envelopes (states, times, outcome codes) stay
     * for statistics.
     */
    public static void dropPayloads(MongoDatabase database, String tipId, java.time.Instant at) {
        java.util.List<org.bson.conversions.Bson> drops = new java.util.ArrayList<>(java.util.List.of(
                com.mongodb.client.model.Updates.unset("payload"), com.mongodb.client.model.Updates.unset("declineReason"),
                com.mongodb.client.model.Updates.unset("history"), com.mongodb.client.model.Updates.unset("actions"),
                com.mongodb.client.model.Updates.set("payloadPurgedAt", java.util.Date.from(at))));
        ReferralAnswers.OUTCOMES.forEach(code -> drops.add(com.mongodb.client.model.Updates.unset("outcomes." + code + ".note")));
        of(database).updateMany(com.mongodb.client.model.Filters.eq("tipId", tipId),
                com.mongodb.client.model.Updates.combine(drops));
    }
}
