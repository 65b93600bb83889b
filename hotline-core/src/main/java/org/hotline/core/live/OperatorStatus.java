package org.hotline.core.live;

/** What an operator is doing, as far as Asterisk's queue events tell. A call in progress outranks a pause. */
public enum OperatorStatus {
    AVAILABLE,
    RINGING,
    ON_CALL,
    PAUSED
}
