package org.hotline.core.referral;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of referral dispatch. Immutable; the canonical constructor validates every value and throws an
 * {@link IllegalArgumentException} naming each bad key, so a wrong setting stops the service at start-up.
 *
 * @param nodeId name of this node in leases and attempt records (unique per running node)
 * @param pollInterval how often this node searches the outbox for due referrals (retries, expired leases) and
 *     sweeps acknowledgement deadlines; referrals it creates itself are claimed at once, without a search
 * @param workerThreads threads delivering in parallel on this node
 * @param batchSize most referrals one {@code dispatchOnce()} handles
 * @param leaseDuration how long a claim is exclusive; a node that crashed mid-send loses its claim after it
 * @param fastRetries failed attempts retried on the short exponential schedule before retries slow down
 * @param backoffBase delay after the first failure; doubles on each fast retry
 * @param backoffMax longest delay between two attempts, also the interval of the slow retries
 * @param maxAttempts attempts after which a referral goes to DEAD_LETTER
 * @param giveUpAfter age after which a failing referral goes to DEAD_LETTER
 * @param circuitThreshold failed attempts in a row to one agency that open its circuit on this node
 * @param circuitOpenFor how long an open circuit keeps this node from claiming that agency's referrals
 * @param connectTimeout HTTP connect timeout (webhooks, SMS gateway)
 * @param responseTimeout HTTP response timeout (webhooks, SMS gateway)
 * @param smtpUri Camel SMTP endpoint for e-mail referrals, e.g. {@code smtp://127.0.0.1:25}; null disables e-mail
 * @param mailFrom sender address of e-mail referrals
 * @param smsGatewayUrl HTTP SMS gateway the SMS route posts to; null disables SMS
 * @param zone the hotline's time zone ({@code HOTLINE_TIME_ZONE}): agencies read deadlines in it
 * @param smsTemplate SMS text with placeholders {@code {reference} {category} {priority} {acknowledgeBy} {link} {code}}
 * @param portalBaseUrl base address of the agency portal; links are {@code <base>/referrals/<id>}
 */
public record DispatchConfig(
        String nodeId,
        Duration pollInterval,
        int workerThreads,
        int batchSize,
        Duration leaseDuration,
        int fastRetries,
        Duration backoffBase,
        Duration backoffMax,
        int maxAttempts,
        Duration giveUpAfter,
        int circuitThreshold,
        Duration circuitOpenFor,
        Duration connectTimeout,
        Duration responseTimeout,
        String smtpUri,
        String mailFrom,
        String smsGatewayUrl,
        String smsTemplate,
        String portalBaseUrl,
        java.time.ZoneId zone) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** Threads mostly wait on agencies and MongoDB; enough that the five or so referrals of a tip go out side by side. */
    public static final int DEFAULT_WORKER_THREADS = 8;
    public static final int DEFAULT_BATCH_SIZE = 50;
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofMinutes(2);
    public static final int DEFAULT_FAST_RETRIES = 5;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_ATTEMPTS = 500;
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofHours(72);
    public static final int DEFAULT_CIRCUIT_THRESHOLD = 5;
    public static final Duration DEFAULT_CIRCUIT_OPEN_FOR = Duration.ofMinutes(1);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(15);
    public static final String DEFAULT_MAIL_FROM = "referrals@hotline.invalid";
    public static final String DEFAULT_SMS_TEMPLATE =
            "Hotline referral {reference}: {category}, {priority}. Acknowledge by {acknowledgeBy}. Reply ACK {code}. {link}";
    public static final String DEFAULT_PORTAL_BASE_URL = "http://127.0.0.1:8080/portal";

    public DispatchConfig {
        List<String> problems = new ArrayList<>();
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add("nodeId must be 1-64 letters, digits, '.', '_' or '-' (got " + nodeId + ")");
        }
        positive(problems, "pollInterval", pollInterval);
        if (workerThreads < 1 || workerThreads > 64) {
            problems.add("workerThreads must be 1..64 (got " + workerThreads + ")");
        }
        if (batchSize < 1) {
            problems.add("batchSize must be >= 1 (got " + batchSize + ")");
        }
        positive(problems, "leaseDuration", leaseDuration);
        if (fastRetries < 0) {
            problems.add("fastRetries must be >= 0 (got " + fastRetries + ")");
        }
        positive(problems, "backoffBase", backoffBase);
        positive(problems, "backoffMax", backoffMax);
        if (backoffBase != null && backoffMax != null && backoffMax.compareTo(backoffBase) < 0) {
            problems.add("backoffMax must be >= backoffBase (got " + backoffMax + " < " + backoffBase + ")");
        }
        if (maxAttempts < 1) {
            problems.add("maxAttempts must be >= 1 (got " + maxAttempts + ")");
        }
        positive(problems, "giveUpAfter", giveUpAfter);
        if (circuitThreshold < 1) {
            problems.add("circuitThreshold must be >= 1 (got " + circuitThreshold + ")");
        }
        positive(problems, "circuitOpenFor", circuitOpenFor);
        positive(problems, "connectTimeout", connectTimeout);
        positive(problems, "responseTimeout", responseTimeout);
        if (leaseDuration != null && connectTimeout != null && responseTimeout != null
                && leaseDuration.compareTo(connectTimeout.plus(responseTimeout)) <= 0) {
            // A lease shorter than one attempt would let a second node resend while the first still waits.
            problems.add("leaseDuration must be longer than connectTimeout + responseTimeout (got " + leaseDuration + ")");
        }
        if (smtpUri != null && !smtpUri.matches("smtps?://[^\\s]+")) {
            problems.add("smtpUri must start with smtp:// or smtps:// (got " + smtpUri + ")");
        }
        if (mailFrom == null || !mailFrom.matches("[^@\\s]+@[^@\\s]+")) {
            problems.add("mailFrom must be an e-mail address (got " + mailFrom + ")");
        }
        if (smsGatewayUrl != null && !isHttpUrl(smsGatewayUrl)) {
            problems.add("smsGatewayUrl must be an http(s) URL (got " + smsGatewayUrl + ")");
        }
        if (smsTemplate == null || smsTemplate.isBlank() || !smsTemplate.contains("{reference}")) {
            problems.add("smsTemplate must contain {reference}");
        }
        if (portalBaseUrl == null || !isHttpUrl(portalBaseUrl)) {
            problems.add("portalBaseUrl must be an http(s) URL (got " + portalBaseUrl + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid dispatch configuration: " + String.join("; ", problems));
        }
    }

    /** Defaults for every key, with the given node id; e-mail and SMS disabled. */
    public static DispatchConfig defaults(String nodeId) {
        return builder(nodeId).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder(String nodeId) {
        return new Builder(nodeId);
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(nodeId);
        b.pollInterval = pollInterval;
        b.workerThreads = workerThreads;
        b.batchSize = batchSize;
        b.leaseDuration = leaseDuration;
        b.fastRetries = fastRetries;
        b.backoffBase = backoffBase;
        b.backoffMax = backoffMax;
        b.maxAttempts = maxAttempts;
        b.giveUpAfter = giveUpAfter;
        b.circuitThreshold = circuitThreshold;
        b.circuitOpenFor = circuitOpenFor;
        b.connectTimeout = connectTimeout;
        b.responseTimeout = responseTimeout;
        b.smtpUri = smtpUri;
        b.mailFrom = mailFrom;
        b.smsGatewayUrl = smsGatewayUrl;
        b.smsTemplate = smsTemplate;
        b.portalBaseUrl = portalBaseUrl;
        b.zone = zone;
        return b;
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private String nodeId;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private int workerThreads = DEFAULT_WORKER_THREADS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration leaseDuration = DEFAULT_LEASE_DURATION;
        private int fastRetries = DEFAULT_FAST_RETRIES;
        private Duration backoffBase = DEFAULT_BACKOFF_BASE;
        private Duration backoffMax = DEFAULT_BACKOFF_MAX;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration giveUpAfter = DEFAULT_GIVE_UP_AFTER;
        private int circuitThreshold = DEFAULT_CIRCUIT_THRESHOLD;
        private Duration circuitOpenFor = DEFAULT_CIRCUIT_OPEN_FOR;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private String smtpUri;
        private String mailFrom = DEFAULT_MAIL_FROM;
        private String smsGatewayUrl;
        private String smsTemplate = DEFAULT_SMS_TEMPLATE;
        private String portalBaseUrl = DEFAULT_PORTAL_BASE_URL;
        private java.time.ZoneId zone = java.time.ZoneOffset.UTC;

        private Builder(String nodeId) {
            this.nodeId = nodeId;
        }

        public Builder nodeId(String v) { nodeId = v; return this; }
        public Builder pollInterval(Duration v) { pollInterval = v; return this; }
        public Builder workerThreads(int v) { workerThreads = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder leaseDuration(Duration v) { leaseDuration = v; return this; }
        public Builder fastRetries(int v) { fastRetries = v; return this; }
        public Builder backoffBase(Duration v) { backoffBase = v; return this; }
        public Builder backoffMax(Duration v) { backoffMax = v; return this; }
        public Builder maxAttempts(int v) { maxAttempts = v; return this; }
        public Builder giveUpAfter(Duration v) { giveUpAfter = v; return this; }
        public Builder circuitThreshold(int v) { circuitThreshold = v; return this; }
        public Builder circuitOpenFor(Duration v) { circuitOpenFor = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder responseTimeout(Duration v) { responseTimeout = v; return this; }
        public Builder smtpUri(String v) { smtpUri = v; return this; }
        public Builder mailFrom(String v) { mailFrom = v; return this; }
        public Builder smsGatewayUrl(String v) { smsGatewayUrl = v; return this; }
        public Builder smsTemplate(String v) { smsTemplate = v; return this; }
        public Builder portalBaseUrl(String v) { portalBaseUrl = v; return this; }
        public Builder zone(java.time.ZoneId v) { zone = v; return this; }

        public DispatchConfig build() {
            return new DispatchConfig(nodeId, pollInterval, workerThreads, batchSize, leaseDuration, fastRetries,
                    backoffBase, backoffMax, maxAttempts, giveUpAfter, circuitThreshold, circuitOpenFor,
                    connectTimeout, responseTimeout, smtpUri, mailFrom, smsGatewayUrl, smsTemplate, portalBaseUrl, zone);
        }
    }

    private static void positive(List<String> problems, String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(key + " must be a positive duration (got " + value + ")");
        }
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "DispatchConfig[nodeId=" + nodeId + ", workers=" + workerThreads + ", lease=" + leaseDuration
                + ", fastRetries=" + fastRetries + ", backoff=" + backoffBase + ".." + backoffMax
                + ", maxAttempts=" + maxAttempts + ", giveUpAfter=" + giveUpAfter + ", circuit=" + circuitThreshold
                + "/" + circuitOpenFor + ", smtp="
                + (smtpUri == null ? "off" : Objects.toString(smtpUri.replaceAll("password=[^&]*", "password=***")))
                + ", sms=" + (smsGatewayUrl == null ? "off" : "on") + "]";
    }
}
