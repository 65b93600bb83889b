package org.hotline.core.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.hotline.core.referral.internal.MongoReferralStore;

/**
 * The stored referrals, for the agency portal's reads (its own agency's referrals, as envelopes and payloads) that
 * have not moved into the referral repository yet. Writes go through {@link ReferralOutbox},
 * {@link ReferralAnswers} and {@link ReferralInterventions}.
 */
public final class ReferralCollection {

    private ReferralCollection() {}

    public static MongoCollection<Document> of(MongoDatabase database) {
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
