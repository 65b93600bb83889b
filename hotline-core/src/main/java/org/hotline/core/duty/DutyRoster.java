package org.hotline.core.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.ami.DutyOfficerCall.Outcome;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duty list: rings the officers in order about an immediate-danger case until one presses 1. An officer who
 * does not answer, declines or does not press a key is followed by the next one; when the list is used up the
 * round ends (the referrals' own deadlines and escalation carry on). Every step is persisted ({@link DutyRounds})
 * and audited ({@code duty_officer.call}, and {@code duty_officer.exhausted}); a node that dies mid-call leaves
 * a round whose lease runs out, and {@link #resume} on any node moves it on to the next officer.
 */
public final class DutyRoster {

    private static final Logger LOG = LoggerFactory.getLogger(DutyRoster.class);

    /** Places one call to one officer's phone; never completes exceptionally. */
    @FunctionalInterface
    public interface Phone {
        CompletableFuture<Outcome> call(String reference, String channel);
    }

    private final DutyRounds rounds;
    private final Phone phone;
    private final List<String> officers;
    private final Duration lease;
    private final AuditLog audit;
    private final Clock clock;
    private final String node;

    /**
     * @param officers the officers' channels in the order they are rung
     * @param lease how long one officer's call may take (ring and answer time) before another node may move on
     */
    public DutyRoster(DutyRounds rounds, Phone phone, List<String> officers, Duration lease, AuditLog audit, Clock clock,
            String node) {
        if (officers.isEmpty()) {
            throw new IllegalArgumentException("the duty list needs at least one officer");
        }
        this.rounds = rounds;
        this.phone = phone;
        this.officers = List.copyOf(officers);
        this.lease = lease;
        this.audit = audit;
        this.clock = clock;
        this.node = node;
    }

    /** Starts ringing the list for a case, unless a round for it is running or was accepted. */
    public void ring(String reference) {
        Instant now = clock.instant();
        try {
            rounds.start(reference, node, now, now.plus(lease)).ifPresent(round -> dial(reference, 0));
        } catch (RuntimeException e) {
            // Nothing was stored, so no node will ring for this case; say so loudly (the referrals go out as always).
            LOG.error("Duty list NOT rung for tip {}: the round could not be stored ({})", reference, e.toString());
        }
    }

    /** Moves on every round whose node stopped mid-call (its lease ran out); returns how many. */
    public int resume() {
        int moved = 0;
        for (DutyRound stale : rounds.expired(clock.instant())) {
            if (settle(stale.reference(), stale.index(), "NoResponse (node " + stale.node() + " stopped)", false)) {
                moved++;
            }
        }
        return moved;
    }

    private void dial(String reference, int index) {
        phone.call(reference, officers.get(index)).thenAccept(outcome ->
                settle(reference, index, outcome.getClass().getSimpleName(), outcome instanceof Outcome.Accepted))
                .exceptionally(e -> {
                    // the round keeps its lease; when it runs out, resume() moves on to the next officer
                    LOG.warn("Duty-officer call for tip {} not recorded ({}); the round moves on when its lease ends",
                            reference, e.toString());
                    return null;
                });
    }

    /** Records officer {@code index}'s outcome and rings the next one if needed; false when another node did. */
    private boolean settle(String reference, int index, String outcome, boolean accepted) {
        Instant now = clock.instant();
        record(reference, index, outcome);
        if (accepted) {
            return rounds.finish(reference, index, DutyRound.State.ACCEPTED, now, outcome);
        }
        if (index + 1 < officers.size()) {
            boolean mine = rounds.advance(reference, index, index + 1, node, now, now.plus(lease), outcome);
            if (mine) {
                dial(reference, index + 1);
            }
            return mine;
        }
        boolean mine = rounds.finish(reference, index, DutyRound.State.EXHAUSTED, now, outcome);
        if (mine) {
            LOG.warn("No duty officer accepted tip {}: its referrals' deadlines and escalation carry on", reference);
            audit.record(new AuditEvent("system", "duty_officer.exhausted", reference,
                    Map.of("officers", String.valueOf(officers.size()))));
        }
        return mine;
    }

    private void record(String reference, int index, String outcome) {
        LOG.info("Duty-officer call for tip {} to officer {} of {}: {}", reference, index + 1, officers.size(), outcome);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("outcome", outcome);
        details.put("officer", officers.get(index));
        details.put("position", String.valueOf(index + 1));
        audit.record(new AuditEvent("system", "duty_officer.call", reference, details));
    }
}
