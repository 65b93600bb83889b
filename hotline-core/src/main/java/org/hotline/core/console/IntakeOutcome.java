package org.hotline.core.console;

import java.util.List;
import java.util.Set;

/** What became of an intake form or an emergency escalation. */
public sealed interface IntakeOutcome {

    /** An existing tip was completed (or escalated) and routed again as revision {@code revision}. */
    record Completed(String reference, int revision, List<String> recipients, Set<String> updated)
            implements IntakeOutcome {
        public Completed {
            recipients = List.copyOf(recipients);
            updated = Set.copyOf(updated);
        }
    }

    /** A new tip (source {@code operator}); the operator reads reference and PIN to the caller. */
    record Created(String reference, String pin) implements IntakeOutcome {}

    /** No tip has the reference. */
    record NotFound(String reference) implements IntakeOutcome {}

    /**
     * MongoDB cannot be reached: the form (or, with {@code emergency}, the emergency) is kept durably on this node
     * and applied and routed when MongoDB answers again.
     */
    record Kept(String reference, boolean emergency) implements IntakeOutcome {}

    /** The tip is closed; it takes a supervisor to reopen it. */
    record Closed(String reference) implements IntakeOutcome {}
}
