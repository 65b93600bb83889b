package org.hotline.core.console;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Principal;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.referral.Referral;
import org.hotline.core.referral.ReferralService;

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

    private final MongoCollection<Document> tips;
    private final TipCipher cipher;
    private final ReferralService referrals;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public TipDesk(MongoCollection<Document> tips, TipCipher cipher, ReferralService referrals, AuditLog audit,
            Clock clock, ZoneId zone) {
        this.tips = tips;
        this.cipher = cipher;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Tips this operator took or changed, newest first, each with its referrals and their states. */
    public JsonArray myTips(Principal operator) {
        JsonArray out = new JsonArray();
        for (Document tip : tips.find(Filters.eq("operatorIds", operator.userId())).sort(Sorts.descending("receivedAt"))
                .limit(LIMIT)) {
            out.add(summary(tip).put("referrals", referralStates(tip.getString("_id"))));
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
        var due = Filters.and(Filters.eq("consents.callback", true), Filters.eq("callbackEffective", true),
                Filters.in("fields.callbackWindow", open),
                Filters.ne("status", "CLOSED"), Filters.exists("callback.doneAt", false));
        for (Document stored : tips.find(due).sort(Sorts.ascending("receivedAt")).limit(LIMIT)) {
            Document tip = cipher.open(stored);
            out.add(summary(tip).put("callerNumber", tip.getString("callerNumber")));
            audit.record(new AuditEvent(operator.userId(), "tip.read", tip.getString("reference"),
                    Map.of("field", "callerNumber", "purpose", "callback")));
        }
        return out;
    }

    /** Records a callback attempt's result; false when no open tip has that reference. */
    public boolean callbackDone(String reference, String result, Principal operator) {
        Instant now = clock.instant();
        boolean done = tips.updateOne(Filters.and(Filters.eq("reference", reference), Filters.ne("status", "CLOSED")),
                Updates.combine(Updates.set("callback", new Document("doneAt", Date.from(now))
                        .append("by", operator.userId()).append("result", result)),
                        Updates.addToSet("operatorIds", operator.userId()))).getMatchedCount() == 1;
        if (done) {
            audit.record(new AuditEvent(operator.userId(), "tip.update", reference, Map.of("callback", result)));
        }
        return done;
    }

    /** Tips waiting for review: abandoned, silent and after-hours calls the router set aside. */
    public JsonArray reviewQueue() {
        JsonArray out = new JsonArray();
        for (Document tip : tips.find(Filters.eq("status", "REVIEW")).sort(Sorts.ascending("receivedAt")).limit(LIMIT)) {
            out.add(summary(tip).put("lastNode", tip.getString("lastNode"))
                    .put("afterHours", "after_hours".equals(tip.getString("lastNode")))
                    .put("note", tip.getString("routingNote")));
        }
        return out;
    }

    /** Closes a tip under review with the supervisor's note; false when it is not under review. */
    public boolean closeReviewed(String reference, String note, Principal supervisor) {
        boolean closed = tips.updateOne(Filters.and(Filters.eq("reference", reference), Filters.eq("status", "REVIEW")),
                Updates.combine(Updates.set("status", "CLOSED"), Updates.set("review", new Document("by",
                        supervisor.userId()).append("at", Date.from(clock.instant())).append("note", note)
                        .append("decision", "close")))).getMatchedCount() == 1;
        if (closed) {
            audit.record(new AuditEvent(supervisor.userId(), "tip.update", reference, Map.of("review", "close")));
        }
        return closed;
    }

    /** Whether a tip with the reference exists, and its status. */
    public Optional<String> status(String reference) {
        return Optional.ofNullable(tips.find(Filters.eq("reference", reference)).first()).map(d -> d.getString("status"));
    }

    private JsonArray referralStates(String tipId) {
        JsonArray out = new JsonArray();
        for (Referral r : referrals.forTip(tipId)) {
            boolean update = !r.id().equals(ReferralService.referralId(tipId, r.agencyId()));
            out.add(new JsonObject().put("id", r.id()).put("agencyId", r.agencyId()).put("agencyName", r.agencyName())
                    .put("state", r.state().name()).put("priority", r.priority()).put("update", update)
                    .put("deliveredAt", iso(r.deliveredAt())).put("ackDeadline", iso(r.ackDeadline())));
        }
        return out;
    }

    static JsonObject summary(Document tip) {
        Document fields = tip.get("fields", Document.class);
        JsonObject shown = new JsonObject();
        if (fields != null) {
            SHOWN.forEach(name -> {
                if (fields.get(name) != null) {
                    shown.put(name, fields.get(name));
                }
            });
        }
        return new JsonObject().put("reference", tip.getString("reference"))
                .put("receivedAt", iso(tip.getDate("receivedAt")))
                .put("source", tip.getString("source"))
                .put("outcome", tip.getString("outcome"))
                .put("status", tip.getString("status"))
                .put("fields", shown);
    }

    private static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
