package org.hotline.core.referral;

/**
 * Life cycle of one referral. Dispatch moves PENDING → SENDING → DELIVERED, or SENDING → FAILED (retried
 * later) → ... → DEAD_LETTER once the retry policy gives up. The agency then moves DELIVERED →
 * ACKNOWLEDGED or DECLINED, and later OUTCOME_RECORDED.
 */
public enum ReferralState {
    PENDING,
    SENDING,
    DELIVERED,
    FAILED,
    DEAD_LETTER,
    ACKNOWLEDGED,
    DECLINED,
    OUTCOME_RECORDED
}
