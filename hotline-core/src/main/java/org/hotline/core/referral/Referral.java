package org.hotline.core.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of one stored referral: one tip sent to one agency under one pathway version.
 *
 * @param channel kind of the channel dispatch uses ({@code webhook}, {@code email}, {@code sms}, {@code portal})
 * @param lastError reason of the last failed attempt or of the dead letter; null when none failed
 */
public record Referral(
        String id,
        String tipId,
        String reference,
        String agencyId,
        String agencyName,
        String profile,
        String category,
        String priority,
        String channel,
        ReferralState state,
        String pathwayId,
        String pathwayVersion,
        List<String> matchedRules,
        List<String> escalationChain,
        Map<String, Object> payload,
        String idempotencyKey,
        Instant createdAt,
        Instant ackDeadline,
        Instant nextAttemptAt,
        Instant deliveredAt,
        List<Attempt> attempts,
        String lastError) {

    public Referral {
        matchedRules = List.copyOf(matchedRules);
        escalationChain = List.copyOf(escalationChain);
        attempts = List.copyOf(attempts);
    }

    /**
     * One delivery attempt.
     *
     * @param result {@code delivered}, {@code retry} or {@code rejected}
     * @param httpStatus the HTTP status when the channel is HTTP and an answer came, else null
     * @param error why it failed, null on success
     */
    public record Attempt(Instant at, String node, String channel, String result, Integer httpStatus,
            long latencyMillis, String error) {}
}
