package org.hotline.core.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Principal;
import org.hotline.core.referral.Referral;
import org.hotline.core.referral.ReferralService;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;

/**
 * The lists operators and supervisors work from: my tips with their referrals' states, callbacks due now,
 * and tips waiting for a supervisor's review. Views show categories and flags; the one personal value shown
 * is a callback's number, and only to an operator inside the caller's safe window (that read is audited).
 */
public final class TipDesk {

    static final int LIMIT = 100;
    /** Fields a list may show: categories and flags, nothing that identifies anyone. */
    private static final List<String> SHOWN = List.of("language", "callerRole", "exploitationType", "region",
            "childInvolved", "immediateDanger", "victimCount", "victimAgeGroup", "callbackWindow");

    private final TipRepository tips;
    private final ReferralService referrals;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public TipDesk(TipRepository tips, ReferralService referrals, AuditLog audit, Clock clock, ZoneId zone) {
        this.tips = tips;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Tips this operator took or changed, newest first, each with its referrals and their states. */
    public JsonArray myTips(Principal operator) {
        JsonArray out = new JsonArray();
        for (Tip tip : tips.byOperator(operator.userId(), LIMIT)) {
            out.add(summary(tip).put("referrals", referralStates(tip.id())));
        }
        return out;
    }

    /**
     * Callbacks due now: the caller consented, the consent is effective (for a tip involving a child only after
     * an operator's recorded decision, see {@code PrivacyRoutes}),
     * the tip is open, no callback was made yet, and now is inside the caller's safe window.
     */
    public JsonArray callbacksDue(Principal operator) {
        LocalTime now = clock.instant().atZone(zone).toLocalTime();
        List<String> open = CallbackWindow.codes().stream()
                .filter(code -> CallbackWindow.of(code).orElseThrow().contains(now)).toList();
        JsonArray out = new JsonArray();
        if (open.isEmpty()) {
            return out;
        }
        for (Tip tip : tips.callbacksDue(open, clock.instant(), LIMIT)) {
            out.add(summary(tip).put("callerNumber", tip.callerNumber()));
            audit.record(new AuditEvent(operator.userId(), "tip.read", tip.reference(),
                    Map.of("field", "callerNumber", "purpose", "callback")));
        }
        return out;
    }

    /** Records a callback attempt's result; false when no open tip has that reference. */
    public boolean callbackDone(String reference, String result, Principal operator) {
        boolean done = tips.callbackDone(reference, result, operator.userId(), clock.instant());
        if (done) {
            audit.record(new AuditEvent(operator.userId(), "tip.update", reference, Map.of("callback", result)));
        }
        return done;
    }

    /**
     * Tips waiting for review: abandoned and silent calls and hand-offs without a report, and after-hours tips
     * that need a person, each with its deadline in opening hours ({@code reviewDue}) and why.
     */
    public JsonArray reviewQueue() {
        JsonArray out = new JsonArray();
        for (Tip tip : tips.reviewQueue(LIMIT)) {
            Tip.AfterHoursCare care = tip.afterHours();
            out.add(summary(tip).put("lastNode", tip.lastNode())
                    .put("afterHours", care != null)
                    .put("reviewDue", care == null ? null : iso(care.reviewDue()))
                    .put("reasons", care == null ? new JsonArray() : new JsonArray(care.reasons()))
                    .put("callbackAfter", care == null ? null : iso(care.callbackAfter()))
                    .put("note", tip.routingNote()));
        }
        return out;
    }

    /** Closes a tip under review with the supervisor's note; false when it is not under review. */
    public boolean closeReviewed(String reference, String note, Principal supervisor) {
        boolean closed = tips.closeReview(reference, note, supervisor.userId(), clock.instant());
        if (closed) {
            audit.record(new AuditEvent(supervisor.userId(), "tip.update", reference, Map.of("review", "close")));
        }
        return closed;
    }

    /** Whether a tip with the reference exists, and its status. */
    public Optional<String> status(String reference) {
        return tips.byReference(reference).map(t -> t.status().name());
    }

    private JsonArray referralStates(String tipId) {
        JsonArray out = new JsonArray();
        for (Referral r : referrals.forTip(tipId)) {
            boolean update = !ReferralService.isReferralItself(r.id(), tipId, r.agencyId());
            out.add(new JsonObject().put("id", r.id()).put("agencyId", r.agencyId()).put("agencyName", r.agencyName())
                    .put("state", r.state().name()).put("priority", r.priority()).put("update", update)
                    .put("deliveredAt", iso(r.deliveredAt())).put("ackDeadline", iso(r.ackDeadline())));
        }
        return out;
    }

    static JsonObject summary(Tip tip) {
        JsonObject shown = new JsonObject();
        SHOWN.forEach(name -> {
            if (tip.fields().get(name) != null) {
                shown.put(name, tip.fields().get(name));
            }
        });
        return new JsonObject().put("reference", tip.reference())
                .put("receivedAt", iso(tip.receivedAt()))
                .put("source", tip.source())
                .put("outcome", tip.outcome())
                .put("status", tip.status().name())
                .put("fields", shown);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
