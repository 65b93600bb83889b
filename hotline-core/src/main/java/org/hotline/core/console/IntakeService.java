package org.hotline.core.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Principal;
import org.hotline.core.intake.TipIntakeService;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.storage.MongoOutage;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;
import org.hotline.core.tip.TipStatus;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.TipReceipt;
import org.hotline.pathway.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's side of intake: an intake form completes the tip the IVR started (found by the reference the
 * caller was given) or, for a caller without one, creates a tip of source {@code operator}; the emergency
 * button marks a tip as immediate danger. Either way the tip is routed again, so new agencies get referrals
 * and agencies already referred get an update. Personal values are stored encrypted; each change is audited.
 */
public final class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    /** Wording id recorded with consents an operator read out (the console shows the same text). */
    public static final String CONSENT_WORDING = "console-consent-v1";
    /** How long a new report's save waits for MongoDB, so that the operator's next read finds it. */
    private static final Duration STORED_WITHIN = Duration.ofSeconds(2);

    private final TipRepository tips;
    private final TipIntakeService intake;
    private final TipRouter routing;
    private final AuditLog audit;
    private final Clock clock;
    private final Optional<KeptForms> kept;

    /** Intake that answers 503 while MongoDB cannot be reached (tests, tools). */
    public IntakeService(TipRepository tips, TipIntakeService intake, TipRouter routing, AuditLog audit, Clock clock) {
        this(tips, intake, routing, audit, clock, Optional.empty());
    }

    IntakeService(TipRepository tips, TipIntakeService intake, TipRouter routing, AuditLog audit, Clock clock,
            Optional<KeptForms> kept) {
        this.tips = tips;
        this.intake = intake;
        this.routing = routing;
        this.audit = audit;
        this.clock = clock;
        this.kept = kept;
    }

    /** Stores a validated form and routes the tip. */
    public IntakeOutcome submit(IntakeForm form, Principal by) {
        if (form.reference().isEmpty()) {
            return create(form, by);
        }
        String reference = form.reference().get();
        return withTip(reference, false, () -> kept.orElseThrow().keepForm(reference, form, by), existing -> {
            if (existing.isEmpty()) {
                return new IntakeOutcome.NotFound(reference);
            }
            if (existing.get().status() == TipStatus.CLOSED) {
                return new IntakeOutcome.Closed(reference);
            }
            return revise(existing.get(), form, by, clock.instant(), null, "intake_form");
        });
    }

    /** Marks the tip as immediate danger and routes it again, so IMMEDIATE referrals go out now. */
    public IntakeOutcome emergency(String reference, String note, Principal by) {
        return withTip(reference, true, () -> kept.orElseThrow().keepEmergency(reference, note, by),
                existing -> existing.isEmpty() ? new IntakeOutcome.NotFound(reference)
                        : escalate(existing.get(), note, by, clock.instant(), null));
    }

    /**
     * Looks the tip up and hands it to {@code then}; while MongoDB cannot be reached and this node keeps forms,
     * runs {@code keep} instead (the change is then durable here) and answers {@link IntakeOutcome.Kept}.
     */
    private IntakeOutcome withTip(String reference, boolean emergency, Runnable keep,
            Function<Optional<Tip>, IntakeOutcome> then) {
        Optional<Tip> existing;
        try {
            existing = tips.byReference(reference);
        } catch (RuntimeException e) {
            if (kept.isEmpty() || !MongoOutage.isOutage(e)) {
                throw e;
            }
            keep.run();
            return new IntakeOutcome.Kept(reference, emergency);
        }
        return then.apply(existing);
    }

    /**
     * Applies a form or emergency kept during an outage (the form journal's writer calls this once MongoDB answers;
     * a replay changes nothing). A form whose tip is not there (nor waiting in the tip journal) or is closed becomes
     * a tip of its own, so nothing the operator saved is lost.
     *
     * @throws IllegalStateException while the tip may still be waiting in the tip journal (tried again later)
     */
    void applyKept(Document sealed) {
        KeptForms.Kept item = kept.orElseThrow().read(sealed);
        Optional<Tip> existing = tips.byReference(item.reference());
        if (existing.isEmpty() && intake.backlog() > 0) {
            throw new IllegalStateException("tip " + item.reference() + " may still be in the tip journal");
        }
        if (KeptForms.EMERGENCY.equals(item.kind())) {
            if (existing.isEmpty()) {
                LOG.error("Emergency kept during the outage names tip {}, which does not exist; nobody was alerted",
                        item.reference());
                return;
            }
            escalate(existing.get(), item.note(), item.by(), item.at(), item.id());
        } else if (existing.isEmpty() || existing.get().status() == TipStatus.CLOSED) {
            IntakeForm form = item.form().orElseThrow();
            IntakeOutcome.Created created = create(new IntakeForm(Optional.empty(), form.fields(), form.consents(),
                    form.language()), item.by());
            LOG.warn("Intake form kept for tip {} ({}) stored as new tip {}", item.reference(),
                    existing.isEmpty() ? "no such tip" : "closed", created.reference());
        } else {
            revise(existing.get(), item.form().orElseThrow(), item.by(), item.at(), item.id(), "kept_intake_form");
        }
    }

    private IntakeOutcome revise(Tip tip, IntakeForm form, Principal by, Instant at, String keptId, String via) {
        Object phone = form.fields().get("callerPhone");
        boolean callback = Boolean.TRUE.equals(form.consents().get("callback"));
        TipRepository.Revision change = new TipRepository.Revision("intake", by.userId(), at, form.fields(),
                form.consents(), CONSENT_WORDING, form.language(), callback && !form.childInvolved(),
                callback && phone != null ? phone.toString() : null, null, true);
        int revision = tips.revise(tip.id(), keptId == null ? change : change.kept(keptId));
        TipRouter.Rerouted routed = routing.reroute(tip.id(), revision);
        audit.record(new AuditEvent(by.userId(), "tip.update", tip.reference(),
                Map.of("via", via, "revision", String.valueOf(revision))));
        return completed(tip.reference(), revision, routed);
    }

    private IntakeOutcome escalate(Tip tip, String note, Principal by, Instant at, String keptId) {
        TipRepository.Revision change = TipRepository.Revision.emergency(by.userId(), at, note);
        int revision = tips.revise(tip.id(), keptId == null ? change : change.kept(keptId));
        TipRouter.Rerouted routed = routing.reroute(tip.id(), revision);
        audit.record(new AuditEvent(by.userId(), "tip.emergency", tip.reference(),
                Map.of("revision", String.valueOf(revision), "recipients", String.join(",", names(routed)))));
        return completed(tip.reference(), revision, routed);
    }

    private IntakeOutcome.Created create(IntakeForm form, Principal by) {
        Instant now = clock.instant();
        Map<String, String> answers = new HashMap<>();
        form.fields().forEach((name, value) -> answers.put(name, String.valueOf(value)));
        form.consents().keySet().forEach(purpose -> {
            answers.put("consent." + purpose + ".wording", CONSENT_WORDING);
            answers.put("consent." + purpose + ".language", form.language());
        });
        String phone = (String) form.fields().get("callerPhone");
        CapturedTip capture = new CapturedTip(null, phone, form.language(), answers, form.consents(),
                CallOutcome.OPERATOR, "console", null, "console", now, now);
        TipReceipt receipt = intake.accept(capture, Map.of("source", "operator", "operatorIds", List.of(by.userId()),
                "intake", Map.of("by", by.userId(), "at", Date.from(now), "revision", 1),
                "intakeRevision", 1), STORED_WITHIN);
        audit.record(new AuditEvent(by.userId(), "tip.create", receipt.reference(), Map.of("via", "intake_form")));
        return new IntakeOutcome.Created(receipt.reference(), receipt.pin());
    }

    private static IntakeOutcome completed(String reference, int revision, TipRouter.Rerouted routed) {
        return new IntakeOutcome.Completed(reference, revision, names(routed), routed.updated());
    }

    private static List<String> names(TipRouter.Rerouted routed) {
        return routed.recipients().stream().map(Recipient::agencyId).toList();
    }
}
