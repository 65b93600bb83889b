package org.hotline.ivr;

/** The answer to a follow-up lookup by reference and PIN. */
public sealed interface FollowUpAnswer {

    /** Reference and PIN match; the caller may hear the status. */
    record Found(TipStatus status) implements FollowUpAnswer {}

    /** The PIN did not match (or the reference is unknown: the caller must not learn which). */
    record WrongPin() implements FollowUpAnswer {}

    /** Too many wrong PINs: the reference is locked for a period. */
    record Locked() implements FollowUpAnswer {}

    /** The tips cannot be checked now (their store is unreachable); nothing was counted against the caller. */
    record Unavailable() implements FollowUpAnswer {}

    /** The status a follow-up caller may hear, in their own language. */
    enum TipStatus {
        RECEIVED, REFERRED, ACKNOWLEDGED, CLOSED;

        /** The prompt id the flow plays for this status, e.g. {@code status_received}. */
        public String promptId() {
            return "status_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
