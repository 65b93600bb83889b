package org.hotline.core.tip.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.tip.TipRepository.Purged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention purge's storage side: finds tips due, and replaces one with its anonymised statistics
 * ({@link TipAnonymiser}), conditional on it still being unpurged, in the same status and not on hold, so a hold
 * set meanwhile wins and two nodes never purge twice.
 */
final class TipPurge {

    private static final Logger LOG = LoggerFactory.getLogger(TipPurge.class);

    private final MongoCollection<Document> tips;
    private final TipCipher cipher;

    TipPurge(MongoCollection<Document> tips, TipCipher cipher) {
        this.tips = tips;
        this.cipher = cipher;
    }

    List<String> due(String status, Instant cutoff, int limit) {
        Date at = Date.from(cutoff);
        Bson due = Filters.and(eligible(status), Filters.or(Filters.lte("closedAt", at),
                Filters.and(Filters.exists("closedAt", false), Filters.lte("receivedAt", at))));
        List<String> ids = new ArrayList<>();
        tips.find(due).projection(new Document("_id", 1)).limit(limit).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    Optional<Purged> purge(String tipId, String status, String reason, Instant now) {
        Document tip = tips.find(Filters.and(Filters.eq("_id", tipId), eligible(status))).first();
        if (tip == null) {
            return Optional.empty();
        }
        Document anonymous = TipAnonymiser.anonymise(tip, now, reason);
        if (tips.replaceOne(Filters.and(Filters.eq("_id", tipId), eligible(status)), anonymous).getModifiedCount() != 1) {
            return Optional.empty();
        }
        return Optional.of(new Purged(tip.getString("reference"), recordings(tip)));
    }

    private static Bson eligible(String status) {
        return Filters.and(Filters.eq("status", status), Filters.ne("legalHold", true), Filters.exists("purgedAt", false));
    }

    private List<String> recordings(Document tip) {
        List<String> refs = new ArrayList<>();
        try {
            Document open = cipher.open(tip);
            if (open.getString("recording") != null) {
                refs.add(open.getString("recording"));
            }
            List<?> followUps = open.getList(TipCipher.FOLLOW_UPS, Object.class);
            if (followUps != null) {
                followUps.forEach(f -> {
                    if (f instanceof Document d && d.getString("recording") != null) {
                        refs.add(d.getString("recording"));
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Recording references of purged tip {} unreadable; files left for manual removal", tip.get("reference"));
        }
        return refs;
    }
}
