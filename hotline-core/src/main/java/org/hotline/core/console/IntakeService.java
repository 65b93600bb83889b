package org.hotline.core.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Principal;
import org.hotline.core.intake.TipIntakeService;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;
import org.hotline.core.tip.TipStatus;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.TipReceipt;
import org.hotline.pathway.Recipient;

/**
 * The operator's side of intake: an intake form completes the tip the IVR started (found by the reference the
 * caller was given) or, for a caller without one, creates a tip of source {@code operator}; the emergency
 * button marks a tip as immediate danger. Either way the tip is routed again, so new agencies get referrals
 * and agencies already referred get an update. Personal values are stored encrypted; each change is audited.
 */
public final class IntakeService {

    /** Wording id recorded with consents an operator read out (the console shows the same text). */
    public static final String CONSENT_WORDING = "console-consent-v1";
    /** How long a new report's save waits for MongoDB, so that the operator's next read finds it. */
    private static final Duration STORED_WITHIN = Duration.ofSeconds(2);

    private final TipRepository tips;
    private final TipIntakeService intake;
    private final TipRouter routing;
    private final AuditLog audit;
    private final Clock clock;

    public IntakeService(TipRepository tips, TipIntakeService intake, TipRouter routing, AuditLog audit, Clock clock) {
        this.tips = tips;
        this.intake = intake;
        this.routing = routing;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores a validated form and routes the tip. */
    public IntakeOutcome submit(IntakeForm form, Principal by) {
        if (form.reference().isEmpty()) {
            return create(form, by);
        }
        String reference = form.reference().get();
        Optional<Tip> existing = tips.byReference(reference);
        if (existing.isEmpty()) {
            return new IntakeOutcome.NotFound(reference);
        }
        if (existing.get().status() == TipStatus.CLOSED) {
            return new IntakeOutcome.Closed(reference);
        }
        String tipId = existing.get().id();
        Object phone = form.fields().get("callerPhone");
        boolean callback = Boolean.TRUE.equals(form.consents().get("callback"));
        int revision = tips.revise(tipId, new TipRepository.Revision("intake", by.userId(), clock.instant(),
                form.fields(), form.consents(), CONSENT_WORDING, form.language(), callback && !form.childInvolved(),
                callback && phone != null ? phone.toString() : null, null, true));
        TipRouter.Rerouted routed = routing.reroute(tipId, revision);
        audit.record(new AuditEvent(by.userId(), "tip.update", reference,
                Map.of("via", "intake_form", "revision", String.valueOf(revision))));
        return completed(reference, revision, routed);
    }

    /** Marks the tip as immediate danger and routes it again, so IMMEDIATE referrals go out now. */
    public IntakeOutcome emergency(String reference, String note, Principal by) {
        Optional<Tip> existing = tips.byReference(reference);
        if (existing.isEmpty()) {
            return new IntakeOutcome.NotFound(reference);
        }
        String tipId = existing.get().id();
        int revision = tips.revise(tipId, TipRepository.Revision.emergency(by.userId(), clock.instant(), note));
        TipRouter.Rerouted routed = routing.reroute(tipId, revision);
        audit.record(new AuditEvent(by.userId(), "tip.emergency", reference,
                Map.of("revision", String.valueOf(revision), "recipients", String.join(",", names(routed)))));
        return completed(reference, revision, routed);
    }

    private IntakeOutcome create(IntakeForm form, Principal by) {
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
