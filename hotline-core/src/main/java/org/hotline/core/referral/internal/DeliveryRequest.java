package org.hotline.core.referral.internal;

import java.time.Instant;
import java.util.Map;
import org.hotline.pathway.Channel;

/**
 * What a channel route needs to deliver one referral; handed to Camel as an exchange property. Every channel
 * renders only this: the referral's own reference, urgency and deadline, and the disclosed {@code payload}.
 * {@code category} is the payload's exploitation type (null when the agency's profile does not list it);
 * {@code abroad} marks a counterpart outside the country, which gets no link into the national portal.
 */
public record DeliveryRequest(
        String referralId,
        String reference,
        String agencyId,
        String agencyName,
        String category,
        String priority,
        Instant acknowledgeBy,
        Map<String, Object> payload,
        String idempotencyKey,
        Channel channel,
        boolean abroad) {

    /** Exchange property holding the request. */
    public static final String PROPERTY = "hotlineDeliveryRequest";
}
