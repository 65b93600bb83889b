package org.hotline.core.referral.internal;

import java.time.Instant;
import java.util.Map;
import org.hotline.pathway.Channel;

/** What a channel route needs to deliver one referral; handed to Camel as an exchange property. */
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
        Channel channel) {

    /** Exchange property holding the request. */
    public static final String PROPERTY = "hotlineDeliveryRequest";
}
