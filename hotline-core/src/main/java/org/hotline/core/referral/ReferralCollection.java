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

    /** Drops the payloads of a purged tip's referrals (the envelopes stay for statistics). */
    public static void dropPayloads(MongoDatabase database, String tipId, java.time.Instant at) {
        of(database).updateMany(com.mongodb.client.model.Filters.eq("tipId", tipId), com.mongodb.client.model.Updates
                .combine(com.mongodb.client.model.Updates.unset("payload"),
                        com.mongodb.client.model.Updates.set("payloadPurgedAt", java.util.Date.from(at))));
    }
}
