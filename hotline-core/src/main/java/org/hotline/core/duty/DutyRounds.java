package org.hotline.core.duty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of duty rounds; each change is one conditional update, so two nodes never ring the same step twice. */
public interface DutyRounds {

    /**
     * Starts ringing officer 0 for {@code reference} unless a round is running or was accepted; a round that
     * ran out (EXHAUSTED) starts again. Returns the round when this call started it.
     */
    Optional<DutyRound> start(String reference, String node, Instant now, Instant leaseUntil);

    /** Moves a round still at {@code fromIndex} (and RINGING) on to {@code toIndex}; false when someone else did. */
    boolean advance(String reference, int fromIndex, int toIndex, String node, Instant now, Instant leaseUntil,
            String outcome);

    /** Ends a RINGING round at {@code index} as {@code state} (ACCEPTED or EXHAUSTED). */
    boolean finish(String reference, int index, DutyRound.State state, Instant now, String outcome);

    /** RINGING rounds whose lease ran out by {@code now} (their node died mid-call). */
    List<DutyRound> expired(Instant now);

    Optional<DutyRound> find(String reference);
}
