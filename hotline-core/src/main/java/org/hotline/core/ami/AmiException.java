package org.hotline.core.ami;

/** An AMI request that could not be carried out: not connected, refused by Asterisk, or unanswered in time. */
public final class AmiException extends Exception {

    public enum Kind { NOT_CONNECTED, REFUSED, TIMEOUT }

    private final Kind kind;

    public AmiException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AmiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
