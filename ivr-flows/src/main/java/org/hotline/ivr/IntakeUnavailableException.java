package org.hotline.ivr;

/** Intake could not make a tip durable; the IVR must not give the caller a reference. */
public class IntakeUnavailableException extends RuntimeException {

    public IntakeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
