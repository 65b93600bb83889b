package org.hotline.ivr;

/** How a call ended, as recorded on the tip and counted in metrics. */
public enum CallOutcome {
    /** The caller finished the journey and heard a reference. */
    COMPLETED,
    /** The caller hung up before the journey finished. */
    ABANDONED,
    /** The caller never pressed a key. */
    SILENT,
    /** Handed to the operator queue. */
    OPERATOR,
    /** The caller pressed the danger key and was transferred to the emergency number. */
    EMERGENCY,
    /** Beyond capacity: the caller heard the busy prompt. */
    BUSY
}
