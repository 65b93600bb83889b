package org.hotline.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.DutyOfficerCall;
import org.hotline.core.ami.DutyOfficerCall.DutyOfficerSettings;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.referral.ReferralOutbox;
import org.hotline.pathway.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings the duty officer (AMI Originate, "press 1 to accept") whenever an IMMEDIATE referral enters the outbox,
 * on top of the referrals themselves, which go out by their channels as always. Off unless
 * {@code HOTLINE_DUTY_OFFICER_CHANNEL} is set, which needs AMI. Each outcome is audited; the referrals' own
 * deadlines and escalation still apply whatever the officer answers.
 */
final class DutyOfficerWiring {

    private static final Logger LOG = LoggerFactory.getLogger(DutyOfficerWiring.class);

    private DutyOfficerWiring() {}

    /** The settings, or empty when no duty-officer channel is configured. Fails fast on bad values. */
    static Optional<DutyOfficerSettings> fromEnv(Map<String, String> env, boolean amiConfigured) {
        EnvReader r = new EnvReader(env);
        Optional<String> channel = r.optional("HOTLINE_DUTY_OFFICER_CHANNEL");
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        if (!amiConfigured) {
            throw new IllegalArgumentException("Configuration HOTLINE_DUTY_OFFICER_CHANNEL needs AMI: "
                    + "set HOTLINE_AMI_USERNAME and HOTLINE_AMI_SECRET too");
        }
        try {
            return Optional.of(new DutyOfficerSettings(channel.get(),
                    r.string("HOTLINE_DUTY_OFFICER_CONTEXT", DutyOfficerSettings.DEFAULT_CONTEXT),
                    r.string("HOTLINE_DUTY_OFFICER_CALLER_ID", "Hotline"),
                    r.duration("HOTLINE_DUTY_OFFICER_RING_TIMEOUT", Duration.ofSeconds(30)),
                    r.duration("HOTLINE_DUTY_OFFICER_ANSWER_TIMEOUT", Duration.ofSeconds(60))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Configuration HOTLINE_DUTY_OFFICER_*: " + e.getMessage(), e);
        }
    }

    /**
     * Rings the duty officer whenever the outbox takes an IMMEDIATE referral — routing, an operator's emergency,
     * an escalation: whoever created it — once per case and batch.
     */
    static void ringOnImmediate(ReferralOutbox outbox, AmiClient ami, DutyOfficerSettings settings, AuditLog audit) {
        DutyOfficerCall duty = new DutyOfficerCall(ami, settings);
        ami.addListener("duty-officer", duty);
        outbox.onCreated(created -> created.stream()
                .filter(r -> Recipient.Priority.IMMEDIATE.name().equals(r.getString("priority")))
                .map(r -> r.getString("reference")).distinct()
                .forEach(reference -> duty.call(reference).thenAccept(outcome -> {
                    LOG.info("Duty-officer call for tip {}: {}", reference, outcome.getClass().getSimpleName());
                    audit.record(new AuditEvent("system", "duty_officer.call", reference,
                            Map.of("outcome", outcome.getClass().getSimpleName())));
                })));
    }
}
