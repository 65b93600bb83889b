package org.hotline.core.referral.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.StdDateFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import java.util.Optional;
import org.hotline.core.referral.AnswerLinks;
import org.hotline.core.referral.DispatchConfig;
import org.hotline.core.referral.SecretResolver;
import org.hotline.pathway.Channel;

/**
 * The Camel side of dispatch: one context holding the shared {@link DispatchErrorPolicy} and one route per
 * channel (webhook always; e-mail and SMS when configured). {@link #deliver} runs one attempt synchronously on
 * the caller's thread and always returns a result, never throws for a delivery failure.
 */
public final class DispatchEngine implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DispatchEngine.class);

    static final String HTTP_ENDPOINT = "http://dispatch-target?httpMethod=POST";

    private final DispatchConfig config;
    private final CamelContext context;
    private final ProducerTemplate producer;
    private final java.util.Set<String> reportedUnconfigured = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** {@code links}, when present, puts acknowledge/decline links into e-mails. */
    public DispatchEngine(DispatchConfig config, SecretResolver secrets, Optional<AnswerLinks> links) {
        this.config = config;
        this.context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("hotline-dispatch-" + config.nodeId());
        try {
            context.addComponent("http", httpComponent(config));
            ObjectMapper mapper = new ObjectMapper()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .setDateFormat(new StdDateFormat().withColonInTimeZone(true));
            context.addRoutes(new DispatchErrorPolicy());
            context.addRoutes(new WebhookRoute(mapper, secrets, HTTP_ENDPOINT));
            if (config.smtpUri() != null) {
                context.addComponent(config.smtpUri().startsWith("smtps:") ? "smtps" : "smtp", EmailRoute.smtpComponent(context, config));
                context.addRoutes(new EmailRoute(config, links));
            }
            if (config.smsGatewayUrl() != null) {
                context.addRoutes(new SmsRoute(mapper, config, HTTP_ENDPOINT));
            }
            context.start();
        } catch (Exception e) {
            context.stop();
            throw new IllegalStateException("cannot start the dispatch routes: " + e.getMessage(), e);
        }
        this.producer = context.createProducerTemplate();
    }

    /** One delivery attempt over the request's channel. */
    public DeliveryResult deliver(DeliveryRequest request) {
        String endpoint = switch (request.channel()) {
            case Channel.Webhook w -> WebhookRoute.ENDPOINT;
            case Channel.Email e -> config.smtpUri() == null ? null : EmailRoute.ENDPOINT;
            case Channel.Sms s -> config.smsGatewayUrl() == null ? null : SmsRoute.ENDPOINT;
            case Channel.Portal p -> null;
        };
        if (endpoint == null) {
            return notConfigured(request.channel());
        }
        Exchange exchange = producer.send(endpoint, ex -> ex.setProperty(DeliveryRequest.PROPERTY, request));
        if (exchange.getException() != null) {
            return DispatchErrorPolicy.classify(exchange.getException());
        }
        Object body = exchange.getMessage().getBody();
        return body instanceof DeliveryResult result
                ? result
                : new DeliveryResult.Retry("route ended without a delivery result", null);
    }

    /**
     * A referral whose channel this node cannot use (e-mail without {@code HOTLINE_SMTP_URI}, SMS without a gateway):
     * retrying cannot help until someone configures it, so it is rejected at once, which dead-letters it in front of
     * the supervisors with the reason and what to do. The node says so once per channel in the log.
     */
    private DeliveryResult notConfigured(Channel channel) {
        String variable = channel instanceof Channel.Sms ? "HOTLINE_SMS_GATEWAY_URL" : "HOTLINE_SMTP_URI";
        String reason = "channel " + channel.kind() + " is not configured on node " + config.nodeId() + " (" + variable
                + " is not set): set it and retry this referral from the supervisors' console, or reassign it";
        if (reportedUnconfigured.add(channel.kind())) {
            LOG.warn("Referrals by {} cannot go out from node {}: {} is not set. Each one is dead-lettered for a"
                    + " supervisor to retry once it is set, or to reassign", channel.kind(), config.nodeId(), variable);
        }
        return new DeliveryResult.Rejected(reason, null);
    }

    /** Camel context, for tests and diagnostics. */
    public CamelContext camelContext() {
        return context;
    }

    @Override
    public void close() {
        // stop() ends every route and the template's producers; nothing here needs a checked close.
        context.stop();
    }

    /** Last step of every channel route: the channel accepted the message. */
    static void markDelivered(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        exchange.getMessage().setBody(new DeliveryResult.Delivered(status));
    }

    private static HttpComponent httpComponent(DispatchConfig config) {
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(config.connectTimeout().toMillis());
        http.setConnectionRequestTimeout(config.connectTimeout().toMillis());
        http.setResponseTimeout(config.responseTimeout().toMillis());
        http.setSoTimeout(config.responseTimeout().toMillis());
        // The HTTP client would otherwise resend a 429/503 after a pause inside one attempt; every retry must go
        // through the persisted schedule instead. Redirects are not followed: a signed referral goes only to
        // the address in the pathway, and a 3xx counts as a refusal.
        http.setAutomaticRetriesDisabled(true);
        http.setRedirectHandlingDisabled(true);
        return http;
    }
}
