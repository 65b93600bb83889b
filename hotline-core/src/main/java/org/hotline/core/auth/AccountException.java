package org.hotline.core.auth;

/** An account request that cannot be carried out; {@code code} is stable, the message is safe to show. */
public final class AccountException extends RuntimeException {

    private final String code;

    public AccountException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
