package org.hotline.core.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.crypto.TipCipher;

/**
 * Staff decisions about a tip's personal data, each checked, stored with who and why, and audited: the legal
 * hold that exempts a tip from the retention purge, the operator's override that lets a child tip's
 * callback consent take effect, and reading the callback number (only where a callback is allowed).
 */
public final class TipPrivacy {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 500;

    private final MongoCollection<Document> tips;
    private final TipCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    public TipPrivacy(MongoDatabase database, TipCipher cipher, AuditLog audit, Clock clock) {
        this.tips = database.getCollection("tips");
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Puts a tip on legal hold ({@code hold}) or takes it off; a reason is required either way. */
    public PrivacyDecision setLegalHold(String reference, boolean hold, String actor, String reason) {
        List<String> problems = basics(actor, reason);
        Document tip = find(reference);
        if (tip == null) {
            return problems.isEmpty() ? new PrivacyDecision.NotFound(reference) : new PrivacyDecision.Refused(problems);
        }
        if (hold && tip.get("purgedAt") != null) {
            problems.add("the tip's personal data was already purged");
        }
        if (!problems.isEmpty()) {
            return new PrivacyDecision.Refused(problems);
        }
        tips.updateOne(Filters.eq("_id", tip.get("_id")), Updates.combine(Updates.set("legalHold", hold),
                Updates.set("legalHoldDecision", decision(actor, reason))));
        audit.record(new AuditEvent(actor, hold ? "tip.legal_hold.set" : "tip.legal_hold.cleared", reference,
                Map.of("reason", reason.strip())));
        return new PrivacyDecision.Applied(reference);
    }

    /**
     * Lets the callback consent of a child tip take effect. Refused unless a child is involved, the caller
     * consented to a callback and left a number, and the operator gives a reason.
     */
    public PrivacyDecision allowChildCallback(String reference, String actor, String reason) {
        List<String> problems = basics(actor, reason);
        Document tip = find(reference);
        if (tip == null) {
            return problems.isEmpty() ? new PrivacyDecision.NotFound(reference) : new PrivacyDecision.Refused(problems);
        }
        Document fields = tip.get("fields", Document.class);
        Document consents = tip.get("consents", Document.class);
        if (fields == null || !Boolean.TRUE.equals(fields.get("childInvolved"))) {
            problems.add("no child is involved: the caller's own callback consent decides");
        }
        if (consents == null || !Boolean.TRUE.equals(consents.get("callback")) || tip.get("callerNumber") == null) {
            problems.add("the caller did not consent to a callback or left no number");
        }
        if (Boolean.TRUE.equals(tip.getBoolean("callbackEffective"))) {
            problems.add("a callback is already allowed");
        }
        if (!problems.isEmpty()) {
            return new PrivacyDecision.Refused(problems);
        }
        tips.updateOne(Filters.and(Filters.eq("_id", tip.get("_id")), Filters.ne("callbackEffective", true)),
                Updates.combine(Updates.set("callbackEffective", true),
                        Updates.set("callbackOverride", decision(actor, reason))));
        audit.record(new AuditEvent(actor, "tip.callback_override", reference, Map.of("reason", reason.strip(),
                "rule", "child-callback-off")));
        return new PrivacyDecision.Applied(reference);
    }

    /** The number to call back, when the caller consented and a callback is allowed; the read is audited. */
    public Optional<String> callbackNumber(String reference, String actor) {
        Document tip = find(reference);
        if (tip == null || !Boolean.TRUE.equals(tip.getBoolean("callbackEffective")) || tip.get("callerNumber") == null) {
            return Optional.empty();
        }
        audit.record(AuditEvent.of(actor, "tip.caller_number.read", reference));
        return Optional.ofNullable(cipher.open(tip).getString("callerNumber"));
    }

    private Document find(String reference) {
        return reference == null ? null : tips.find(Filters.eq("reference", reference)).first();
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

    private Document decision(String actor, String reason) {
        return new Document("by", actor).append("reason", reason.strip()).append("at", Date.from(clock.instant()));
    }
}
