package org.hotline.core.tip.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository.RoutingRecord;
import org.hotline.core.tip.TipRepository.Routed;
import org.hotline.core.tip.TipStatus;

/**
 * What routing writes on tips: the claim a back-office node takes before routing one, the routing record (one
 * bulk round trip for a batch), a hold for review and the after-hours care. Kept apart from
 * {@link MongoTipRepository} as its revisions and purges are.
 */
final class TipRoutings {

    private final MongoCollection<Document> tips;

    TipRoutings(MongoCollection<Document> tips) {
        this.tips = tips;
    }

    /** Claims an unrouted tip for {@code node} until {@code until}; false when routed or claimed by another. */
    boolean claim(String tipId, String node, Instant now, Instant until) {
        return tips.updateOne(and(eq("_id", tipId), eq("routed", false),
                        or(exists("routingClaimUntil", false), lte("routingClaimUntil", Date.from(now)))),
                Updates.combine(Updates.set("routingClaimBy", node), Updates.set("routingClaimUntil", Date.from(until))))
                .getModifiedCount() == 1;
    }

    void holdForReview(String tipId, String note) {
        tips.updateOne(eq("_id", tipId), Updates.combine(Updates.set("routed", true),
                Updates.set("status", TipStatus.REVIEW.name()), Updates.set("routingNote", note)));
    }

    void markAfterHours(String tipId, Tip.AfterHoursCare care) {
        Document stored = new Document("reasons", care.reasons());
        if (care.reviewDue() != null) {
            stored.append("reviewDue", Date.from(care.reviewDue()));
        }
        if (care.callbackAfter() != null) {
            stored.append("callbackAfter", Date.from(care.callbackAfter()));
        }
        tips.updateOne(eq("_id", tipId), Updates.set("afterHours", stored));
    }

    /** Records the routings, one update for a single tip, one bulk round trip for several. */
    void markAll(List<Routed> routed) {
        if (routed.size() == 1) {
            Routed r = routed.get(0);
            tips.updateOne(eq("_id", r.tipId()), update(r.routing(), r.recipients()));
        } else if (!routed.isEmpty()) {
            tips.bulkWrite(routed.stream().<WriteModel<Document>>map(r -> new UpdateOneModel<>(eq("_id", r.tipId()),
                    update(r.routing(), r.recipients()))).toList(), new BulkWriteOptions().ordered(false));
        }
    }

    private static Bson update(RoutingRecord routing, List<Tip.RoutedTo> recipients) {
        return Updates.combine(
                Updates.set("routed", true),
                Updates.set("status", TipStatus.REFERRED.name()),
                Updates.set("pathwayId", routing.pathwayId()),
                Updates.set("pathwayVersion", routing.pathwayVersion()),
                Updates.set("fallbackUsed", routing.fallbackUsed()),
                Updates.set("recipients", recipients.stream().map(TipCodec::recipient).toList()),
                Updates.set("routedAt", Date.from(routing.at())));
    }
}
