package org.hotline.pathway;

/** How a referral reaches an agency. Secrets are never in the pathway, only the name of where to find them. */
public sealed interface Channel {

    /** Kind name as written in the pathway file. */
    String kind();

    /** HTTP webhook; {@code secretRef} names the environment variable holding the HMAC secret. */
    record Webhook(String url, String secretRef) implements Channel {
        public String kind() { return "webhook"; }
    }

    /** E-mail to a focal point's address. */
    record Email(String address) implements Channel {
        public String kind() { return "email"; }
    }

    /** SMS to a focal point's phone number through the configured gateway. */
    record Sms(String number) implements Channel {
        public String kind() { return "sms"; }
    }

    /** The agency reads its referrals in the agency portal. */
    record Portal() implements Channel {
        public String kind() { return "portal"; }
    }
}
