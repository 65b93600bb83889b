package org.hotline.core.node;

import java.util.Map;
import org.hotline.core.referral.DispatchConfig;

/** Maps the {@code HOTLINE_DISPATCH_*}, {@code HOTLINE_SMTP_URI} and {@code HOTLINE_SMS_*} variables onto {@link DispatchConfig}. */
final class DispatchSettings {

    private DispatchSettings() {}

    static DispatchConfig fromEnv(Map<String, String> env, String nodeId) {
        EnvReader r = new EnvReader(env);
        DispatchConfig d = DispatchConfig.defaults(nodeId);
        return DispatchConfig.builder(nodeId)
                .pollInterval(r.duration("HOTLINE_DISPATCH_POLL_INTERVAL", d.pollInterval()))
                .workerThreads(r.positiveInt("HOTLINE_DISPATCH_THREADS", d.workerThreads()))
                .leaseDuration(r.duration("HOTLINE_DISPATCH_LEASE", d.leaseDuration()))
                .batchSize(r.positiveInt("HOTLINE_DISPATCH_BATCH_SIZE", d.batchSize()))
                .fastRetries(r.range("HOTLINE_DISPATCH_FAST_RETRIES", d.fastRetries(), 0, 100))
                .circuitThreshold(r.positiveInt("HOTLINE_DISPATCH_CIRCUIT_THRESHOLD", d.circuitThreshold()))
                .circuitOpenFor(r.duration("HOTLINE_DISPATCH_CIRCUIT_OPEN_FOR", d.circuitOpenFor()))
                .backoffBase(r.duration("HOTLINE_DISPATCH_BACKOFF_BASE", d.backoffBase()))
                .backoffMax(r.duration("HOTLINE_DISPATCH_BACKOFF_MAX", d.backoffMax()))
                .maxAttempts(r.positiveInt("HOTLINE_DISPATCH_MAX_ATTEMPTS", d.maxAttempts()))
                .giveUpAfter(r.duration("HOTLINE_DISPATCH_GIVE_UP_AFTER", d.giveUpAfter()))
                .connectTimeout(r.duration("HOTLINE_DISPATCH_CONNECT_TIMEOUT", d.connectTimeout()))
                .responseTimeout(r.duration("HOTLINE_DISPATCH_RESPONSE_TIMEOUT", d.responseTimeout()))
                .smtpUri(r.optional("HOTLINE_SMTP_URI").orElse(d.smtpUri()))
                .mailFrom(r.string("HOTLINE_MAIL_FROM", d.mailFrom()))
                .smsGatewayUrl(r.optional("HOTLINE_SMS_GATEWAY_URL").orElse(d.smsGatewayUrl()))
                .smsTemplate(r.string("HOTLINE_SMS_TEMPLATE", d.smsTemplate()))
                .portalBaseUrl(r.string("HOTLINE_PORTAL_BASE_URL", d.portalBaseUrl()))
                .zone(org.hotline.core.console.Console.zone(env))
                .build();
    }
}
