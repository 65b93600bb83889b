package org.hotline.core.referral;

import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.BackoffPolicy;
import org.hotline.core.referral.internal.DeliveryResult;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.pathway.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the outcome of one delivery attempt under the claim's lease: delivered, to be retried after a
 * back-off, or a dead letter (refused, too many attempts, too old), on the referral alone (one write).
 */
final class AttemptRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptRecorder.class);

    private final MongoReferralStore store;
    private final DispatchConfig config;
    private final BackoffPolicy backoff;
    private final HotlineMetrics metrics;

    AttemptRecorder(MongoReferralStore store, DispatchConfig config, BackoffPolicy backoff, HotlineMetrics metrics) {
        this.store = store;
        this.config = config;
        this.backoff = backoff;
        this.metrics = metrics;
    }

    /** Records {@code result}; false when the lease was lost meanwhile (nothing changed, the new owner decides). */
    boolean record(Document referral, String token, Document attempt, Channel channel, Instant now,
            DeliveryResult result) {
        return switch (result) {
            case DeliveryResult.Delivered d -> delivered(referral, token, attempt, channel, now);
            case DeliveryResult.Rejected r -> deadLetter(referral, token, attempt, channel, now, r.reason());
            case DeliveryResult.Retry r -> retryOrGiveUp(referral, token, attempt, channel, now, r.reason());
        };
    }

    private boolean delivered(Document referral, String token, Document attempt, Channel channel, Instant now) {
        String id = referral.getString("_id");
        if (!store.markDelivered(id, token, attempt, channel.kind(), now)) {
            return false;
        }
        String agency = referral.getString("agencyId");
        int attempts = referral.getInteger("attemptCount", 0) + 1;
        LOG.info("Referral {} for tip {} delivered to {} by {}{}", id, referral.getString("reference"), agency,
                channel.kind(), attempts == 1 ? "" : " after " + attempts + " attempts");
        metrics.referralState(ReferralState.DELIVERED.name(), channel.kind(), agency);
        Instant created = referral.getDate("createdAt").toInstant();
        metrics.delivered(channel.kind(), Math.max(0, Duration.between(created, now).toMillis()) / 1000.0);
        return true;
    }

    private boolean retryOrGiveUp(Document referral, String token, Document attempt, Channel channel, Instant now,
            String reason) {
        int failures = referral.getInteger("attemptCount", 0) + 1;
        Instant created = referral.getDate("createdAt").toInstant();
        if (failures >= config.maxAttempts()) {
            return deadLetter(referral, token, attempt, channel, now,
                    "gave up after " + failures + " attempts; last error: " + reason);
        }
        if (!now.isBefore(created.plus(config.giveUpAfter()))) {
            return deadLetter(referral, token, attempt, channel, now,
                    "gave up after " + config.giveUpAfter() + " (" + failures + " attempts); last error: " + reason);
        }
        Instant next = now.plus(backoff.delayAfter(failures));
        if (!store.markFailed(referral.getString("_id"), token, attempt, reason, now, next)) {
            return false;
        }
        LOG.info("Referral {} attempt {} failed ({}), next at {}", referral.getString("_id"), failures, reason, next);
        metrics.referralState(ReferralState.FAILED.name(), channel.kind(), referral.getString("agencyId"));
        return true;
    }

    private boolean deadLetter(Document referral, String token, Document attempt, Channel channel, Instant now,
            String reason) {
        if (!store.markDeadLetter(referral.getString("_id"), token, attempt, reason, now)) {
            return false;
        }
        String agency = referral.getString("agencyId");
        LOG.warn("Referral {} to {} is a dead letter: {}", referral.getString("_id"), agency, reason);
        metrics.referralState(ReferralState.DEAD_LETTER.name(), channel.kind(), agency);
        metrics.deadLetter(channel.kind(), agency);
        return true;
    }
}
