package org.hotline.core.referral.internal;

/** The signing secret a webhook channel names is not configured; the referral is not sent unsigned. */
public final class MissingSecretException extends RuntimeException {

    public MissingSecretException(String agencyId, String secretRef) {
        super("no signing secret '" + secretRef + "' configured for agency " + agencyId + "; not sent unsigned");
    }
}
