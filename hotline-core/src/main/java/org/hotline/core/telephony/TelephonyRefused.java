package org.hotline.core.telephony;

/**
 * Why a telephony request (interpreter, transfer) cannot be carried out; nothing was changed. {@code status} and
 * {@code code} are the API's HTTP status and stable error code.
 */
public final class TelephonyRefused extends Exception {

    private final int status;
    private final String code;

    public TelephonyRefused(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
