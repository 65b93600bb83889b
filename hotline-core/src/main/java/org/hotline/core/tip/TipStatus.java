package org.hotline.core.tip;

/** Where a tip stands in the hotline. */
public enum TipStatus {
    /** Stored, not routed yet. */
    RECEIVED,
    /** Set aside for a person: a call without a report (abandoned, silent, a hand-off to the operator). */
    REVIEW,
    /** Routed by the pathway: its referrals are in the outbox. */
    REFERRED,
    /** Closed by a supervisor. */
    CLOSED;

    /** The status stored as {@code value}; RECEIVED when none was stored. */
    public static TipStatus of(String value) {
        return value == null ? RECEIVED : valueOf(value);
    }
}
