package org.hotline.core.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;

/**
 * Staff decisions about a tip's personal data, each checked, stored with who and why, and audited: the legal
 * hold that exempts a tip from the retention purge, the operator's override that lets a child tip's
 * callback consent take effect, and reading the callback number (only where a callback is allowed).
 */
public final class TipPrivacy {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 500;

    private final TipRepository tips;
    private final AuditLog audit;
    private final Clock clock;

    public TipPrivacy(TipRepository tips, AuditLog audit, Clock clock) {
        this.tips = tips;
        this.audit = audit;
        this.clock = clock;
    }

    /** Puts a tip on legal hold ({@code hold}) or takes it off; a reason is required either way. */
    public PrivacyDecision setLegalHold(String reference, boolean hold, String actor, String reason) {
        List<String> problems = basics(actor, reason);
        Tip tip = find(reference);
        if (tip == null) {
            return problems.isEmpty() ? new PrivacyDecision.NotFound(reference) : new PrivacyDecision.Refused(problems);
        }
        if (hold && tip.purged()) {
            problems.add("the tip's personal data was already purged");
        }
        if (!problems.isEmpty()) {
            return new PrivacyDecision.Refused(problems);
        }
        tips.setLegalHold(tip.id(), hold, decision(actor, reason));
        audit.record(new AuditEvent(actor, hold ? "tip.legal_hold.set" : "tip.legal_hold.cleared", reference,
                Map.of("reason", AuditEvent.given(reason))));
        return new PrivacyDecision.Applied(reference);
    }

    /**
     * Lets the callback consent of a child tip take effect. Refused unless a child is involved, the caller
     * consented to a callback and left a number, and the operator gives a reason.
     */
    public PrivacyDecision allowChildCallback(String reference, String actor, String reason) {
        List<String> problems = basics(actor, reason);
        Tip tip = find(reference);
        if (tip == null) {
            return problems.isEmpty() ? new PrivacyDecision.NotFound(reference) : new PrivacyDecision.Refused(problems);
        }
        if (!Boolean.TRUE.equals(tip.flag("childInvolved"))) {
            problems.add("no child is involved: the caller's own callback consent decides");
        }
        if (!Boolean.TRUE.equals(tip.consents().get("callback")) || tip.callerNumber() == null) {
            problems.add("the caller did not consent to a callback or left no number");
        }
        if (tip.callbackEffective()) {
            problems.add("a callback is already allowed");
        }
        if (!problems.isEmpty()) {
            return new PrivacyDecision.Refused(problems);
        }
        tips.allowCallback(tip.id(), decision(actor, reason));
        audit.record(new AuditEvent(actor, "tip.callback_override", reference, Map.of("reason", AuditEvent.given(reason),
                "rule", "child-callback-off")));
        return new PrivacyDecision.Applied(reference);
    }

    /** The number to call back, when the caller consented and a callback is allowed; the read is audited. */
    public Optional<String> callbackNumber(String reference, String actor) {
        Tip tip = find(reference);
        if (tip == null || !tip.callbackEffective() || tip.callerNumber() == null) {
            return Optional.empty();
        }
        audit.record(AuditEvent.of(actor, "tip.caller_number.read", reference));
        return Optional.of(tip.callerNumber());
    }

    private Tip find(String reference) {
        return tips.byReference(reference).orElse(null);
    }

    private static List<String> basics(String actor, String reason) {
        List<String> problems = new ArrayList<>();
        if (actor == null || actor.isBlank()) {
            problems.add("the deciding user is required");
        }
        if (reason == null || reason.strip().length() < MIN_REASON || reason.strip().length() > MAX_REASON) {
            problems.add("a reason of " + MIN_REASON + "-" + MAX_REASON + " characters is required");
        }
        return problems;
    }

    private TipRepository.Decision decision(String actor, String reason) {
        return new TipRepository.Decision(actor, reason.strip(), clock.instant());
    }
}
