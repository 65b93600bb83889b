package org.hotline.core.retention;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.referral.ReferralRetention;
import org.hotline.core.tip.TipRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention job (our own schedule, not TTL indexes: the embedded server has none, and a TTL index would
 * delete the statistics too). For each tip past its status's retention and not on legal hold, it replaces the
 * tip with its anonymised statistics (the tip repository anonymises it), deletes the tip's recording files where reachable,
 * drops the payloads of its referrals, and audits the purge. Each replacement is conditional on the tip still
 * being unpurged, in the same status and not on hold, so a hold set meanwhile wins and two nodes never purge
 * twice.
 */
public final class RetentionPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 200;

    private final TipRepository tips;
    private final MongoDatabase database;
    private final RetentionPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    public RetentionPurge(TipRepository tips, MongoDatabase database, RetentionPolicy policy, AuditLog audit,
            Clock clock) {
        this.tips = tips;
        this.database = database;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Purges every tip due now; returns how many were purged. */
    public int purgeDue() {
        Instant now = clock.instant();
        int purged = 0;
        for (Map.Entry<String, Duration> rule : policy.byStatus().entrySet()) {
            List<String> batch;
            do {
                batch = tips.dueForPurge(rule.getKey(), now.minus(rule.getValue()), BATCH);
                int before = purged;
                for (String tipId : batch) {
                    if (purge(tipId, rule.getKey(), rule.getValue(), now)) {
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

    private boolean purge(String tipId, String status, Duration retention, Instant now) {
        String reason = "retention " + status + " " + retention.toDays() + "d";
        Optional<TipRepository.Purged> purged = tips.purge(tipId, status, reason, now);
        if (purged.isEmpty()) {
            return false;
        }
        int files = purged.get().recordings().stream().mapToInt(RecordingFiles::delete).sum();
        ReferralRetention.dropPayloads(database, tipId, now);
        audit.record(new AuditEvent("system", "tip.purge", purged.get().reference(),
                Map.of("status", status, "retentionDays", Long.toString(retention.toDays()),
                        "recordingFilesDeleted", Integer.toString(files))));
        return true;
    }
}
