package org.hotline.core.referral.internal;

import java.util.Optional;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailComponent;
import org.hotline.core.referral.AnswerLinks;
import org.hotline.core.referral.DispatchConfig;
import org.hotline.pathway.Channel;

/**
 * Delivers a referral by e-mail (SMTP): a short notice with the reference, category (when the agency's profile
 * discloses it), urgency, acknowledge-by time and a link to the agency portal. The tip's details are not in the mail: e-mail crosses servers we do
 * not control, so the agency reads them in the portal after signing in.
 */
public final class EmailRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:dispatch-email";
    public static final String IDEMPOTENCY_HEADER = "X-Hotline-Idempotency-Key";

    private final DispatchConfig config;
    private final Optional<AnswerLinks> links;

    public EmailRoute(DispatchConfig config, Optional<AnswerLinks> links) {
        this.config = config;
        this.links = links;
    }

    @Override
    public void configure() {
        String separator = config.smtpUri().contains("?") ? "&" : "?";
        // Recipient and subject come from the referral (To and Subject headers); Camel ignores such headers unless
        // told otherwise. It is safe here because the route clears every header before it sets its own.
        String smtp = config.smtpUri() + separator + "from=" + config.mailFrom()
                + "&useHeaderRecipients=true&useHeaderSubject=true";
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

    /**
     * The mail component with the dispatch timeouts: JavaMail waits forever for a silent server by default,
     * which would hold a worker thread past its lease.
     */
    static MailComponent smtpComponent(CamelContext context, DispatchConfig config) {
        MailComponent mail = new MailComponent(context);
        mail.getConfiguration().setConnectionTimeout((int) config.connectTimeout().toMillis());
        Properties timeouts = new Properties();
        String response = Long.toString(config.responseTimeout().toMillis());
        for (String protocol : new String[] {"smtp", "smtps"}) {
            timeouts.setProperty("mail." + protocol + ".connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
            timeouts.setProperty("mail." + protocol + ".timeout", response);
            timeouts.setProperty("mail." + protocol + ".writetimeout", response);
        }
        mail.getConfiguration().setAdditionalJavaMailProperties(timeouts);
        return mail;
    }

    /** The mail body: only the referral's own reference, urgency and deadline, and the disclosed payload. */
    public String text(DeliveryRequest request) {
        String head = "A new referral for " + request.agencyName() + ".\n\n"
                + "Reference: " + request.reference() + "\n"
                + (request.category() == null ? "" : "Category: " + request.category() + "\n")
                + "Urgency: " + request.priority() + "\n"
                + "Acknowledge by: " + AgencyTimes.format(request.acknowledgeBy(), config.zone()) + "\n\n";
        if (request.abroad()) {
            // A counterpart abroad has no account in the national portal: it gets the minimal payload its
            // profile allows in the mail itself, and answers the national focal point directly.
            return head + disclosed(request) + "\nPlease acknowledge to the national hotline's transnational focal point.\n";
        }
        return head + "Open it in the agency portal: " + PortalLinks.referral(config, request.referralId()) + "\n"
                + links.map(l -> answerLinks(l, request)).orElse("");
    }

    private static String disclosed(DeliveryRequest request) {
        StringBuilder out = new StringBuilder();
        if (request.payload() != null) {
            request.payload().forEach((field, value) -> {
                if (!"reference".equals(field)) {
                    out.append(field).append(": ").append(value).append("\n");
                }
            });
        }
        return out.toString();
    }

    /** Single-use links; they open a confirmation page in the portal, so a mail scanner's visit changes nothing. */
    private String answerLinks(AnswerLinks l, DeliveryRequest request) {
        return "\nAcknowledge: " + PortalLinks.answer(config, l.token(request.referralId(), request.agencyId(),
                AnswerLinks.Action.ACKNOWLEDGE)) + "\n"
                + "Decline: " + PortalLinks.answer(config, l.token(request.referralId(), request.agencyId(),
                AnswerLinks.Action.DECLINE)) + "\n";
    }
}
