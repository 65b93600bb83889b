package org.hotline.ivr.server;

/**
 * The channel variable every call ends with, so the dialplan can branch after {@code AGI()}, and the values
 * the server itself sets. Scripts set their own values (e.g. {@code OPERATOR}) on success.
 */
public final class CallStatus {

    public static final String VARIABLE = "HOTLINE_STATUS";
    /** The script returned without setting a status. */
    public static final String COMPLETED = "COMPLETED";
    /** The caller hung up before the script set a status. */
    public static final String HANGUP = "HANGUP";
    /** The script failed; the dialplan should route the caller to a human. */
    public static final String FAILED = "FAILED";
    /** Beyond capacity: the caller heard the busy prompt. */
    public static final String BUSY = "BUSY";
    /** The requested script does not exist; the caller heard the service-unavailable prompt. */
    public static final String UNKNOWN_SCRIPT = "UNKNOWN_SCRIPT";
    /** The agi_* block could not be used. */
    public static final String BAD_REQUEST = "BAD_REQUEST";

    private CallStatus() {}
}
