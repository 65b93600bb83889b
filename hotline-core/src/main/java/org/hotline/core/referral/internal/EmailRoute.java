package org.hotline.core.referral.internal;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.hotline.core.referral.DispatchConfig;
import org.hotline.pathway.Channel;

/**
 * Delivers a referral by e-mail (SMTP): a short notice with the reference, category, urgency, acknowledge-by
 * time and a link to the agency portal. The tip's details are not in the mail: e-mail crosses servers we do
 * not control, so the agency reads them in the portal after signing in.
 */
public final class EmailRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:dispatch-email";
    public static final String IDEMPOTENCY_HEADER = "X-Hotline-Idempotency-Key";

    private final DispatchConfig config;

    public EmailRoute(DispatchConfig config) {
        this.config = config;
    }

    @Override
    public void configure() {
        String separator = config.smtpUri().contains("?") ? "&" : "?";
        String smtp = config.smtpUri() + separator + "from=" + config.mailFrom()
                + "&connectionTimeout=" + config.connectTimeout().toMillis();
        from(ENDPOINT).routeId("dispatch-email").routeConfigurationId(DispatchErrorPolicy.ID)
                .process(this::buildMessage).id("email-build-message")
                .to(smtp).id("email-send")
                .process(DispatchEngine::markDelivered).id("email-delivered");
    }

    private void buildMessage(Exchange exchange) {
        DeliveryRequest request = exchange.getProperty(DeliveryRequest.PROPERTY, DeliveryRequest.class);
        Channel.Email email = (Channel.Email) request.channel();
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader("To", email.address());
        message.setHeader("Subject", "[" + request.priority() + "] Hotline referral " + request.reference());
        message.setHeader(IDEMPOTENCY_HEADER, request.idempotencyKey());
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        message.setBody(text(request));
    }

    private String text(DeliveryRequest request) {
        return "A new referral for " + request.agencyName() + ".\n\n"
                + "Reference: " + request.reference() + "\n"
                + "Category: " + nullSafe(request.category()) + "\n"
                + "Urgency: " + request.priority() + "\n"
                + "Acknowledge by: " + (request.acknowledgeBy() == null ? "-" : request.acknowledgeBy()) + "\n\n"
                + "Open it in the agency portal: " + PortalLinks.referral(config, request.referralId()) + "\n";
    }

    private static String nullSafe(String value) {
        return value == null ? "unspecified" : value;
    }
}
