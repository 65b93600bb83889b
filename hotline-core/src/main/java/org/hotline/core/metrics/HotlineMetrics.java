package org.hotline.core.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * Every metric the service exports, behind one class so that moving to another Prometheus client later
 * touches only this file. Labels are low-cardinality by design: outcomes, channels, agency ids, languages
 * and exploitation types; never tip ids, references, phone numbers or free text.
 */
public final class HotlineMetrics {

    private static final double[] LATENCY_BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
    };
    private static final double[] QUEUE_BUCKETS = {5, 10, 20, 30, 60, 120, 300, 600};

    private final CollectorRegistry registry;
    private final Gauge callsActive;
    private final Counter callsTotal;
    private final Counter tipsTotal;
    private final Histogram agiCommandLatency;
    private final Counter promptFallbacks;
    private final Counter inputFailures;
    private final Histogram ivrNodeTime;
    private final Histogram intakeLatency;
    private final Gauge journalBacklog;
    private final Histogram mongoLatency;
    private final Counter mongoErrors;
    private final Counter referralsCreated;
    private final Counter referralTransitions;
    private final Histogram deliveryLatency;
    private final Counter deliveryAttempts;
    private final Counter deadLetters;
    private final Counter deadlineBreaches;
    private final Counter auditFailures;
    private final Gauge referralsByState;
    private final Gauge referralsOverdue;
    private final Gauge componentUp;
    private final Gauge draining;
    private final Gauge queueWaiting;
    private final Counter queueCalls;
    private final Histogram queueWait;
    private final Counter amiReconnects;
    private final Counter amiEventsDropped;

    /** Metrics in a registry of their own, with the JVM (hotspot) collectors when {@code withJvm}. */
    public HotlineMetrics(boolean withJvm) {
        this.registry = new CollectorRegistry(true);
        if (withJvm) {
            DefaultExports.register(registry);
        }
        callsActive = Gauge.build("hotline_calls_active", "Calls currently in the IVR.").register(registry);
        callsTotal = Counter.build("hotline_calls_total", "Calls ended, by outcome and language.")
                .labelNames("outcome", "language").register(registry);
        agiCommandLatency = Histogram.build("hotline_agi_command_seconds", "AGI command turnaround, by command.")
                .labelNames("command").buckets(LATENCY_BUCKETS).register(registry);
        promptFallbacks = Counter.build("hotline_prompt_fallbacks_total",
                "Prompts played in the default language because the caller's language lacked them.")
                .labelNames("language").register(registry);
        inputFailures = Counter.build("hotline_ivr_input_failures_total",
                "IVR nodes whose input failed after every retry, by flow and node.")
                .labelNames("flow", "node").register(registry);
        ivrNodeTime = Histogram.build("hotline_ivr_node_seconds",
                "Time calls spend in each IVR node (prompts, the caller's answer and retries), by flow and node.")
                .labelNames("flow", "ivr_node").buckets(0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300).register(registry);
        tipsTotal = Counter.build("hotline_tips_total", "Tips made durable, by exploitation type and outcome.")
                .labelNames("exploitation_type", "outcome").register(registry);
        intakeLatency = Histogram.build("hotline_intake_seconds", "Time to make a tip durable (journal fsync).")
                .buckets(LATENCY_BUCKETS).register(registry);
        journalBacklog = Gauge.build("hotline_journal_backlog", "Journal entries not yet confirmed in MongoDB.")
                .register(registry);
        mongoLatency = Histogram.build("hotline_mongo_operation_seconds", "MongoDB operation latency.")
                .labelNames("operation").buckets(LATENCY_BUCKETS).register(registry);
        mongoErrors = Counter.build("hotline_mongo_errors_total", "MongoDB operations that failed.")
                .labelNames("operation").register(registry);
        referralsCreated = Counter.build("hotline_referrals_created_total", "Referrals created, by agency.")
                .labelNames("agency").register(registry);
        referralTransitions = Counter.build("hotline_referral_transitions_total",
                "Referral state changes, by new state, channel and agency.")
                .labelNames("state", "channel", "agency").register(registry);
        deliveryLatency = Histogram.build("hotline_delivery_seconds",
                "Time from referral creation to the agency's receipt, by channel.")
                .labelNames("channel").buckets(LATENCY_BUCKETS).register(registry);
        deliveryAttempts = Counter.build("hotline_delivery_attempts_total", "Delivery attempts, by channel and result.")
                .labelNames("channel", "result").register(registry);
        deadLetters = Counter.build("hotline_dead_letters_total", "Referrals given up on, by channel and agency.")
                .labelNames("channel", "agency").register(registry);
        auditFailures = Counter.build("hotline_audit_failures_total",
                "Audit events that could not be written (each is also logged); any increase needs attention.")
                .register(registry);
        deadlineBreaches = Counter.build("hotline_referral_deadline_breaches_total",
                "Referrals not acknowledged in time, by agency and what was done (renotify, escalate, exhausted).")
                .labelNames("agency", "action").register(registry);
        referralsByState = Gauge.build("hotline_referrals",
                "Referrals in the shared outbox by state (sampled from MongoDB; every node reports the same totals).")
                .labelNames("state").register(registry);
        referralsOverdue = Gauge.build("hotline_referrals_overdue",
                "Referrals not acknowledged although their deadline passed (or escalated), by priority (sampled).")
                .labelNames("priority").register(registry);
        componentUp = Gauge.build("hotline_component_up",
                "1 when a part this node depends on works (mongodb, journal, fastagi, ami), else 0.")
                .labelNames("component").register(registry);
        draining = Gauge.build("hotline_draining", "1 while the node drains (takes no new calls) before it stops.")
                .register(registry);
        queueWaiting = Gauge.build("hotline_queue_waiting", "Callers waiting in an operator queue (from AMI).")
                .labelNames("queue").register(registry);
        queueCalls = Counter.build("hotline_queue_calls_total",
                "Callers who left an operator queue, by queue and outcome (answered, abandoned, timeout).")
                .labelNames("queue", "outcome").register(registry);
        queueWait = Histogram.build("hotline_queue_wait_seconds", "Time callers waited in an operator queue.")
                .labelNames("queue", "outcome").buckets(QUEUE_BUCKETS).register(registry);
        amiReconnects = Counter.build("hotline_ami_reconnects_total",
                "AMI connections lost (closed by Asterisk or found half-open by ping) and re-established after.")
                .register(registry);
        amiEventsDropped = Counter.build("hotline_ami_events_dropped_total",
                "AMI events dropped for a listener whose queue was full, by listener.")
                .labelNames("listener").register(registry);
    }

    public void callStarted() {
        callsActive.inc();
    }

    public void callEnded(String outcome, String language) {
        callsActive.dec();
        callsTotal.labels(outcome, nonNull(language)).inc();
    }

    /** A call beyond capacity heard the busy prompt; it never became active. */
    public void callRejectedBusy() {
        callsTotal.labels("BUSY", "unknown").inc();
    }

    public void agiCommand(String command, double seconds) {
        agiCommandLatency.labels(command).observe(seconds);
    }

    public void promptFallback(String language) {
        promptFallbacks.labels(nonNull(language)).inc();
    }

    public void ivrNode(String flow, String node, double seconds) {
        ivrNodeTime.labels(flow, node).observe(seconds);
    }

    public void inputFailed(String flow, String node) {
        inputFailures.labels(flow, node).inc();
    }

    public void tipAccepted(String exploitationType, String outcome, double seconds) {
        tipsTotal.labels(nonNull(exploitationType), outcome).inc();
        intakeLatency.observe(seconds);
    }

    public void journalBacklog(long entries) {
        journalBacklog.set(entries);
    }

    public void mongoOperation(String operation, double seconds) {
        mongoLatency.labels(operation).observe(seconds);
    }

    /** One kind of MongoDB round trip and how many the node has sent (see {@link #mongoCommands}). */
    public record CommandCount(String command, String collection, long count) {}

    /**
     * Exports {@code hotline_mongodb_commands_total{command,collection}}, read from {@code counts} at each
     * scrape: the round trips the node has sent to MongoDB.
     */
    public void mongoCommands(java.util.function.Supplier<Collection<CommandCount>> counts) {
        new io.prometheus.client.Collector() {
            @Override
            public java.util.List<MetricFamilySamples> collect() {
                io.prometheus.client.CounterMetricFamily family = new io.prometheus.client.CounterMetricFamily(
                        "hotline_mongodb_commands_total", "Commands (round trips) sent to MongoDB, by command and collection.",
                        java.util.List.of("command", "collection"));
                counts.get().forEach(c -> family.addMetric(java.util.List.of(c.command(), c.collection()), c.count()));
                return java.util.List.of(family);
            }
        }.register(registry);
    }

    public void mongoError(String operation) {
        mongoErrors.labels(operation).inc();
    }

    public void referralCreated(String agency) {
        referralsCreated.labels(agency).inc();
    }

    public void referralState(String state, String channel, String agency) {
        referralTransitions.labels(state, channel, agency).inc();
    }

    public void deliveryAttempt(String channel, String result) {
        deliveryAttempts.labels(channel, result).inc();
    }

    public void delivered(String channel, double secondsSinceCreation) {
        deliveryLatency.labels(channel).observe(secondsSinceCreation);
    }

    public void deadLetter(String channel, String agency) {
        deadLetters.labels(channel, agency).inc();
    }

    public void auditFailure() {
        auditFailures.inc();
    }

    public void deadlineBreach(String agency, String action) {
        deadlineBreaches.labels(agency, action).inc();
    }

    /** Referral counts by state as last sampled; states missing from the map are reported as 0. */
    public void referralsByState(Map<String, Long> counts, Collection<String> allStates) {
        allStates.forEach(state -> referralsByState.labels(state).set(counts.getOrDefault(state, 0L)));
    }

    /** Overdue referral counts by priority as last sampled; priorities missing from the map are reported as 0. */
    public void referralsOverdue(Map<String, Long> counts, Collection<String> allPriorities) {
        allPriorities.forEach(p -> referralsOverdue.labels(p).set(counts.getOrDefault(p, 0L)));
    }

    /** Whether a part this node depends on works: {@code mongodb}, {@code journal}, {@code fastagi}, {@code ami}. */
    public void componentUp(String component, boolean up) {
        componentUp.labels(component).set(up ? 1 : 0);
    }

    public void draining(boolean value) {
        draining.set(value ? 1 : 0);
    }

    /** A caller joined an operator queue (AMI QueueCallerJoin). */
    public void queueCallerJoined(String queue) {
        queueWaiting.labels(queue).inc();
    }

    /**
     * A caller left an operator queue (AMI QueueCallerLeave / AgentConnect / QueueCallerAbandon).
     *
     * @param outcome {@code answered}, {@code abandoned} or {@code timeout}
     */
    public void queueCallerLeft(String queue, String outcome, double waitedSeconds) {
        queueWaiting.labels(queue).dec();
        queueCalls.labels(queue, outcome).inc();
        queueWait.labels(queue, outcome).observe(waitedSeconds);
    }

    /** The AMI connection was lost; a reconnect with back-off follows. */
    public void amiReconnect() {
        amiReconnects.inc();
    }

    /** An AMI event was dropped for a listener that fell behind (listener names are fixed in code). */
    public void amiEventDropped(String listener) {
        amiEventsDropped.labels(listener).inc();
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public CollectorRegistry registry() {
        return registry;
    }

    private static String nonNull(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
