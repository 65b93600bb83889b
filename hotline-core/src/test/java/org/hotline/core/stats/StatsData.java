package org.hotline.core.stats;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/** Seeds tips, calls and referrals shaped as intake, the call log and dispatch store them. */
final class StatsData {

    final MongoCollection<Document> tips;
    final MongoCollection<Document> calls;
    final MongoCollection<Document> referrals;

    StatsData(MongoDatabase db) {
        tips = db.getCollection("tips");
        calls = db.getCollection(CallLog.CALLS);
        referrals = db.getCollection("referrals");
    }

    void calls(int n, String at, String outcome, String lastNode) {
        for (int i = 0; i < n; i++) {
            calls.insertOne(new Document("at", Date.from(Instant.parse(at))).append("flow", "hotline")
                    .append("status", "DONE").append("outcome", outcome).append("language", "en")
                    .append("lastNode", lastNode));
        }
    }

    void tips(int n, String at, String type, String region, boolean child, boolean statisticsConsent) {
        for (int i = 0; i < n; i++) {
            tips.insertOne(tip(at, new Document("exploitationType", type).append("region", region)
                    .append("childInvolved", child).append("language", "en"), statisticsConsent));
        }
    }

    static Document tip(String at, Document fields, boolean statisticsConsent) {
        return new Document("_id", UUID.randomUUID().toString())
                .append("reference", String.valueOf(100_000_000 + (int) (Math.random() * 800_000_000)))
                .append("receivedAt", Date.from(Instant.parse(at)))
                .append("source", "ivr")
                .append("callerHash", "hash-of-caller")
                .append("outcome", "COMPLETED")
                .append("recording", "rec-2026-11-23-0042.wav")
                .append("fields", fields)
                .append("consents", new Document("record", true).append("statistics", statisticsConsent))
                .append("status", "REFERRED")
                .append("routed", true);
    }

    /** A referral created at {@code at}; acknowledged after {@code ackAfter} unless that is null. */
    void referral(String tipId, String agencyId, String at, Duration within, Duration ackAfter) {
        Instant created = Instant.parse(at);
        Document doc = new Document("_id", tipId + ":" + agencyId).append("tipId", tipId)
                .append("agencyId", agencyId).append("agencyName", agencyId.toUpperCase())
                .append("createdAt", Date.from(created))
                .append("ackDeadline", Date.from(created.plus(within)))
                .append("acknowledgeWithinMs", within.toMillis())
                .append("state", ackAfter == null ? "DELIVERED" : "ACKNOWLEDGED");
        if (ackAfter != null) {
            doc.append("acknowledgedAt", Date.from(created.plus(ackAfter)));
        }
        referrals.insertOne(doc);
    }

    void outcome(String referralId, String outcome) {
        referrals.updateOne(Filters.eq("_id", referralId), Updates.combine(Updates.set("state", "OUTCOME_RECORDED"),
                Updates.set("outcomes." + outcome, new Document("at", new Date()).append("note", "free text note"))));
    }
}
