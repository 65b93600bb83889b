package org.hotline.ivr.flow.internal;

/** The caller hung up; a normal ending, unwinding the flow to where the partial tip is handed over. */
final class CallerHungUp extends RuntimeException {

    CallerHungUp(Throwable cause) {
        super("caller hung up", cause, false, false);
    }
}
