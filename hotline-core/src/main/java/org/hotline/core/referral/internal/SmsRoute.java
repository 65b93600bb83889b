package org.hotline.core.referral.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.hotline.core.referral.DispatchConfig;
import org.hotline.core.referral.SmsReplyCode;
import org.hotline.pathway.Channel;

/**
 * Delivers a referral notice by SMS through an HTTP SMS gateway: POST JSON {@code {to, text, reference}} to
 * the configured gateway URL with the referral's {@code Idempotency-Key}. The text comes from the configured
 * template and goes whole, as one SMS or a concatenated one of up to {@value #MAX_PARTS} parts; a longer one is cut,
 * but never its portal link, which moves to the end whole (see {@link SmsText#fit}). Like e-mail it carries no tip
 * details, only the reference, category, urgency, the portal link and the short code for answering by SMS
 * ({@link SmsReplyCode}).
 */
public final class SmsRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:dispatch-sms";
    /**
     * Most parts of one notice: the default template with a real referral id and portal link needs two; every
     * gateway and phone joins three.
     */
    public static final int MAX_PARTS = 3;

    private final ObjectMapper mapper;
    private final DispatchConfig config;
    private final String httpEndpoint;

    public SmsRoute(ObjectMapper mapper, DispatchConfig config, String httpEndpoint) {
        this.mapper = mapper;
        this.config = config;
        this.httpEndpoint = httpEndpoint;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("dispatch-sms").routeConfigurationId(DispatchErrorPolicy.ID)
                .process(this::buildGatewayRequest).id("sms-build-gateway-request")
                .to(httpEndpoint).id("sms-post-to-gateway")
                .process(DispatchEngine::markDelivered).id("sms-delivered");
    }

    private void buildGatewayRequest(Exchange exchange) throws JsonProcessingException {
        DeliveryRequest request = exchange.getProperty(DeliveryRequest.PROPERTY, DeliveryRequest.class);
        Channel.Sms sms = (Channel.Sms) request.channel();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", sms.number());
        body.put("text", text(request));
        body.put("reference", request.reference());
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setBody(mapper.writeValueAsBytes(body));
        message.setHeader(Exchange.HTTP_URI, config.smsGatewayUrl());
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader(WebhookRoute.IDEMPOTENCY_HEADER, request.idempotencyKey());
    }

    /** The SMS text: the referral's own reference, urgency, deadline and the disclosed category only. */
    public String text(DeliveryRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reference", request.reference());
        values.put("category", request.category() == null ? "new case" : request.category());
        values.put("priority", request.priority());
        values.put("acknowledgeBy", AgencyTimes.format(request.acknowledgeBy(), config.zone()));
        String link = request.abroad() ? "" : PortalLinks.referral(config, request.referralId());
        values.put("link", link);
        values.put("code", SmsReplyCode.of(request.referralId()));
        String text = SmsText.render(config.smsTemplate(), values);
        return SmsText.fit(text, text.contains(link) ? link : "", MAX_PARTS);
    }
}
