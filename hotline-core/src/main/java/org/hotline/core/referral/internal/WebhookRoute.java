package org.hotline.core.referral.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.hotline.core.referral.SecretResolver;
import org.hotline.pathway.Channel;

/**
 * Delivers a referral to an agency's HTTP webhook: a JSON POST carrying only the fields of the agency's
 * data-sharing profile, an {@code Idempotency-Key} stable for the referral (the agency drops repeats), and an
 * HMAC-SHA256 signature of the exact body bytes with the agency's secret. Timeouts are set on the
 * {@code http} component by {@link DispatchEngine}.
 */
public final class WebhookRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:dispatch-webhook";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final ObjectMapper mapper;
    private final SecretResolver secrets;
    private final String httpEndpoint;

    /** {@code httpEndpoint} is the Camel http endpoint; the agency's URL is given per message. */
    public WebhookRoute(ObjectMapper mapper, SecretResolver secrets, String httpEndpoint) {
        this.mapper = mapper;
        this.secrets = secrets;
        this.httpEndpoint = httpEndpoint;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("dispatch-webhook").routeConfigurationId(DispatchErrorPolicy.ID)
                .process(this::buildSignedRequest).id("webhook-build-signed-request")
                .to(httpEndpoint).id("webhook-post")
                .process(DispatchEngine::markDelivered).id("webhook-delivered");
    }

    private void buildSignedRequest(Exchange exchange) throws JsonProcessingException {
        DeliveryRequest request = exchange.getProperty(DeliveryRequest.PROPERTY, DeliveryRequest.class);
        Channel.Webhook webhook = (Channel.Webhook) request.channel();
        // Resolve the secret before building anything: a referral is never sent unsigned.
        String secret = secrets.resolve(webhook.secretRef())
                .orElseThrow(() -> new MissingSecretException(request.agencyId(), webhook.secretRef()));
        byte[] body = mapper.writeValueAsBytes(bodyOf(request));
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setBody(body);
        message.setHeader(Exchange.HTTP_URI, webhook.url());
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader(IDEMPOTENCY_HEADER, request.idempotencyKey());
        message.setHeader(WebhookSigner.HEADER, WebhookSigner.signature(body, secret));
    }

    /** The webhook body: the referral's own envelope and the disclosed payload. */
    public static Map<String, Object> bodyOf(DeliveryRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referralId", request.referralId());
        body.put("reference", request.reference());
        body.put("agency", request.agencyId());
        if (request.category() != null) {
            body.put("category", request.category());
        }
        body.put("priority", request.priority());
        body.put("acknowledgeBy", request.acknowledgeBy() == null ? null : request.acknowledgeBy().toString());
        body.put("payload", request.payload());
        return body;
    }
}
