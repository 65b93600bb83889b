package org.hotline.core.duty;

import java.time.Instant;

/**
 * One round of ringing the duty list about a case: who is being rung ({@code index} into the list), and how
 * the round stands. Persisted, so a node that dies mid-call leaves a round another node takes over once the
 * lease runs out.
 */
public record DutyRound(String reference, int index, State state, String node, Instant leaseUntil, int round) {

    /** How a round stands. */
    public enum State {
        /** Officer {@code index} is being rung now. */
        RINGING,
        /** An officer pressed 1; nobody else is rung for this case. */
        ACCEPTED,
        /** Nobody on the list accepted; the referrals' deadlines and escalation carry on. */
        EXHAUSTED
    }
}
