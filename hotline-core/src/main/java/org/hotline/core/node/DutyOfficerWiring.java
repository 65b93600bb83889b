package org.hotline.core.node;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.DutyOfficerCall;
import org.hotline.core.ami.DutyOfficerCall.DutyOfficerSettings;
import org.hotline.core.ami.OriginateRequest;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.duty.DutyRoster;
import org.hotline.core.duty.internal.MongoDutyRounds;
import org.hotline.core.referral.ReferralOutbox;
import org.hotline.core.storage.MongoStore;
import org.hotline.pathway.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hotline.core.storage.MongoOutage;

/**
 * Rings the duty list (AMI Originate, "press 1 to accept") whenever an IMMEDIATE referral enters the outbox,
 * on top of the referrals themselves, which go out by their channels as always. Off unless
 * {@code HOTLINE_DUTY_OFFICER_CHANNEL} is set (one channel, or a comma-separated duty list rung in order), which
 * needs AMI. Each outcome is audited; the referrals' own deadlines and escalation still apply whatever the
 * officers answer.
 */
final class DutyOfficerWiring {

    private static final Logger LOG = LoggerFactory.getLogger(DutyOfficerWiring.class);
    /** How often a node looks for rounds whose node stopped mid-call. */
    private static final Duration RESUME_EVERY = Duration.ofSeconds(30);

    private DutyOfficerWiring() {}

    /** The duty list and how to ring it. */
    record Duty(DutyOfficerSettings settings, List<String> officers) {}

    /** The settings, or empty when no duty-officer channel is configured. Fails fast on bad values. */
    static Optional<Duty> fromEnv(Map<String, String> env, boolean amiConfigured) {
        EnvReader r = new EnvReader(env);
        Optional<String> channels = r.optional("HOTLINE_DUTY_OFFICER_CHANNEL");
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        if (!amiConfigured) {
            throw new IllegalArgumentException("Configuration HOTLINE_DUTY_OFFICER_CHANNEL needs AMI: "
                    + "set HOTLINE_AMI_USERNAME and HOTLINE_AMI_SECRET too");
        }
        List<String> officers = Arrays.stream(channels.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        try {
            if (officers.isEmpty()) {
                throw new IllegalArgumentException("name at least one channel");
            }
            DutyOfficerSettings settings = new DutyOfficerSettings(officers.getFirst(),
                    r.string("HOTLINE_DUTY_OFFICER_CONTEXT", DutyOfficerSettings.DEFAULT_CONTEXT),
                    r.string("HOTLINE_DUTY_OFFICER_CALLER_ID", "Hotline"),
                    r.duration("HOTLINE_DUTY_OFFICER_RING_TIMEOUT", Duration.ofSeconds(30)),
                    r.duration("HOTLINE_DUTY_OFFICER_ANSWER_TIMEOUT", Duration.ofSeconds(60)));
            // every officer's channel must be a valid Originate channel, checked at start-up, not at the first danger
            officers.forEach(o -> new OriginateRequest(o, settings.context(), "s", settings.callerId(),
                    settings.ringTimeout(), Map.of()));
            return Optional.of(new Duty(settings, officers));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Configuration HOTLINE_DUTY_OFFICER_*: " + e.getMessage(), e);
        }
    }

    /**
     * Rings the duty list whenever the outbox takes an IMMEDIATE referral — routing, an operator's emergency, an
     * escalation: whoever created it — once per case while a round runs or after one accepted; and moves on,
     * every 30 seconds, rounds that a stopped node left ringing. Returns what to close at shutdown.
     */
    static AutoCloseable ringOnImmediate(ReferralOutbox outbox, AmiClient ami, Duty duty, MongoStore mongo,
            AuditLog audit, Clock clock, String nodeId) {
        DutyOfficerCall phone = new DutyOfficerCall(ami, duty.settings());
        ami.addListener("duty-officer", phone);
        // one officer's call: ring time, answer time, and a margin for AMI and the announcement
        Duration lease = duty.settings().ringTimeout().plus(duty.settings().answerTimeout()).plusSeconds(30);
        MongoDutyRounds rounds = new MongoDutyRounds(mongo.database());
        Startups.tryIndexes(rounds::ensureIndexes);
        DutyRoster roster = new DutyRoster(rounds, phone::call, duty.officers(), lease, audit, clock, nodeId);
        outbox.onCreated(created -> created.stream()
                .filter(r -> r.priority() == Recipient.Priority.IMMEDIATE)
                .map(ReferralOutbox.Created::reference).distinct()
                .forEach(roster::ring));
        ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("duty-roster").daemon(true).factory());
        resumer.scheduleWithFixedDelay(() -> {
            try {
                roster.resume();
            } catch (RuntimeException e) {
                MongoOutage.warnUnlessOutage(LOG, e, "Could not look for stalled duty-officer calls; will retry");
            }
        }, 0, RESUME_EVERY.toSeconds(), TimeUnit.SECONDS);
        return resumer::shutdownNow;
    }
}
