package org.hotline.core.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A caller handed to an agency's duty line by phone, recorded beside the referral ("handed over live"): who
 * ({@code operator}, a user id), when, to which agency, {@code mode} {@code warm} (the operator spoke to the
 * agency first) or {@code blind}, and how it ended. Nothing about the case is sent by this: what the agency
 * receives in writing is still only the referral's disclosed payload.
 *
 * @param outcome {@code handed_over}, {@code agency_unreachable} (busy, no answer), {@code caller_hung_up}
 *                or {@code operator_hung_up} (the caller went back to the queue)
 * @param joinedAt when the three were on the line together (warm only)
 * @param endedAt when the operator left, the transfer was sent (blind) or it failed
 */
public record LiveHandover(String id, String referralId, String reference, String agencyId, String operator,
        String mode, String outcome, String detail, Instant startedAt, Optional<Instant> joinedAt, Instant endedAt) {

    /** How long the hand-over took, from dialling the agency to the operator leaving. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
