package org.hotline.core.referral.internal;

/** How one delivery attempt ended, as decided by the shared error policy of the channel routes. */
public sealed interface DeliveryResult {

    /** Short name stored with the attempt and used as a metrics label. */
    String result();

    /** HTTP status of the answer, when there was one. */
    Integer httpStatus();

    /** The channel accepted the referral. */
    record Delivered(Integer httpStatus) implements DeliveryResult {
        public String result() { return "delivered"; }
    }

    /** A failure that may pass: try again later. */
    record Retry(String reason, Integer httpStatus) implements DeliveryResult {
        public String result() { return "retry"; }
    }

    /** The recipient refused the referral for good (e.g. HTTP 400/404): retrying cannot help. */
    record Rejected(String reason, Integer httpStatus) implements DeliveryResult {
        public String result() { return "rejected"; }
    }
}
