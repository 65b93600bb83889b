package org.hotline.core.retention;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.crypto.TipCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention job (our own schedule, not TTL indexes: the embedded server has none, and a TTL index would
 * delete the statistics too). For each tip past its status's retention and not on legal hold, it replaces the
 * tip with its anonymised statistics ({@link Anonymiser}), deletes the tip's recording files where reachable,
 * drops the payloads of its referrals, and audits the purge. Each replacement is conditional on the tip still
 * being unpurged, in the same status and not on hold, so a hold set meanwhile wins and two nodes never purge
 * twice.
 */
public final class RetentionPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 200;

    private final MongoCollection<Document> tips;
    private final MongoCollection<Document> referrals;
    private final RetentionPolicy policy;
    private final TipCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    public RetentionPurge(MongoDatabase database, RetentionPolicy policy, TipCipher cipher, AuditLog audit, Clock clock) {
        this.tips = database.getCollection("tips");
        this.referrals = database.getCollection("referrals");
        this.policy = policy;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Purges every tip due now; returns how many were purged. */
    public int purgeDue() {
        Instant now = clock.instant();
        int purged = 0;
        for (Map.Entry<String, Duration> rule : policy.byStatus().entrySet()) {
            Date cutoff = Date.from(now.minus(rule.getValue()));
            Bson due = Filters.and(eligible(rule.getKey()), Filters.or(Filters.lte("closedAt", cutoff),
                    Filters.and(Filters.exists("closedAt", false), Filters.lte("receivedAt", cutoff))));
            List<Document> batch;
            do {
                batch = tips.find(due).limit(BATCH).into(new ArrayList<>());
                int before = purged;
                for (Document tip : batch) {
                    if (purge(tip, rule.getKey(), rule.getValue(), now)) {
                        purged++;
                    }
                }
                if (purged == before) {
                    break; // nothing in this batch could be purged (all changed meanwhile); next run retries
                }
            } while (batch.size() == BATCH);
        }
        if (purged > 0) {
            LOG.info("Retention: purged the personal data of {} tips", purged);
        }
        return purged;
    }

    private static Bson eligible(String status) {
        return Filters.and(Filters.eq("status", status), Filters.ne("legalHold", true), Filters.exists("purgedAt", false));
    }

    private boolean purge(Document tip, String status, Duration retention, Instant now) {
        String reason = "retention " + status + " " + retention.toDays() + "d";
        Document anonymous = Anonymiser.anonymise(tip, now, reason);
        String id = tip.getString("_id");
        if (tips.replaceOne(Filters.and(Filters.eq("_id", id), eligible(status)), anonymous).getModifiedCount() != 1) {
            return false;
        }
        int files = deleteRecordings(tip);
        referrals.updateMany(Filters.eq("tipId", id), Updates.combine(Updates.unset("payload"),
                Updates.set("payloadPurgedAt", Date.from(now))));
        audit.record(new AuditEvent("system", "tip.purge", String.valueOf(tip.get("reference")),
                Map.of("status", status, "retentionDays", Long.toString(retention.toDays()),
                        "recordingFilesDeleted", Integer.toString(files))));
        return true;
    }

    private int deleteRecordings(Document tip) {
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
        return refs.stream().mapToInt(RecordingFiles::delete).sum();
    }
}
