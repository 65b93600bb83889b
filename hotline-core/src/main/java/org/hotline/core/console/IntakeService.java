package org.hotline.core.console;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Principal;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.intake.TipIntakeService;
import org.hotline.core.routing.TipRouter;
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

    private final MongoCollection<Document> tips;
    private final TipCipher cipher;
    private final TipIntakeService intake;
    private final TipRouter routing;
    private final AuditLog audit;
    private final Clock clock;

    public IntakeService(MongoCollection<Document> tips, TipCipher cipher, TipIntakeService intake,
            TipRouter routing, AuditLog audit, Clock clock) {
        this.tips = tips;
        this.cipher = cipher;
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
        Document existing = tips.find(Filters.eq("reference", reference)).first();
        if (existing == null) {
            return new IntakeOutcome.NotFound(reference);
        }
        if ("CLOSED".equals(existing.getString("status"))) {
            return new IntakeOutcome.Closed(reference);
        }
        String tipId = existing.getString("_id");
        Instant now = clock.instant();
        List<Bson> changes = new ArrayList<>(personalAndPlain(tipId, form));
        form.consents().forEach((purpose, given) -> {
            changes.add(Updates.set("consents." + purpose, given));
            changes.add(Updates.set("consentRecords." + purpose, new Document("wording", CONSENT_WORDING)
                    .append("language", form.language()).append("by", by.userId()).append("at", Date.from(now))));
        });
        changes.add(Updates.set("callbackEffective",
                Boolean.TRUE.equals(form.consents().get("callback")) && !form.childInvolved()));
        int revision = bump(tipId, changes, by, now, "intake");
        TipRouter.Rerouted routed = routing.reroute(tipId, revision);
        audit.record(new AuditEvent(by.userId(), "tip.update", reference,
                Map.of("via", "intake_form", "revision", String.valueOf(revision))));
        return completed(reference, revision, routed);
    }

    /** Marks the tip as immediate danger and routes it again, so IMMEDIATE referrals go out now. */
    public IntakeOutcome emergency(String reference, String note, Principal by) {
        Document existing = tips.find(Filters.eq("reference", reference)).first();
        if (existing == null) {
            return new IntakeOutcome.NotFound(reference);
        }
        String tipId = existing.getString("_id");
        Instant now = clock.instant();
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("fields.immediateDanger", true),
                Updates.push("emergencies", new Document("at", Date.from(now)).append("by", by.userId())
                        .append("note", note))));
        if ("CLOSED".equals(existing.getString("status"))) {
            changes.add(Updates.set("status", "REFERRED"));
        }
        int revision = bump(tipId, changes, by, now, "emergency");
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
                "intake", new Document("by", by.userId()).append("at", Date.from(now)).append("revision", 1),
                "intakeRevision", 1), STORED_WITHIN);
        audit.record(new AuditEvent(by.userId(), "tip.create", receipt.reference(), Map.of("via", "intake_form")));
        return new IntakeOutcome.Created(receipt.reference(), receipt.pin());
    }

    /** Applies {@code changes} with the operator's mark and the next revision number; returns the revision. */
    private int bump(String tipId, List<Bson> changes, Principal by, Instant now, String kind) {
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.inc("intakeRevision", 1));
        all.add(Updates.addToSet("operatorIds", by.userId()));
        all.add(Updates.set("intake", new Document("by", by.userId()).append("at", Date.from(now)).append("kind", kind)));
        Document after = tips.findOneAndUpdate(Filters.eq("_id", tipId), Updates.combine(all),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw new IllegalStateException("tip " + tipId + " vanished while saving the intake form");
        }
        return after.getInteger("intakeRevision");
    }

    /** The form's fields as updates: personal values sealed for this tip, the rest as they are. */
    private List<Bson> personalAndPlain(String tipId, IntakeForm form) {
        Document partial = new Document("_id", tipId).append("fields", new Document(form.fields()));
        Object phone = form.fields().get("callerPhone");
        boolean callback = Boolean.TRUE.equals(form.consents().get("callback"));
        if (callback && phone != null) {
            partial.append("callerNumber", phone);
        }
        Document sealed = cipher.seal(partial);
        List<Bson> out = new ArrayList<>();
        sealed.get("fields", Document.class).forEach((name, value) -> out.add(Updates.set("fields." + name, value)));
        if (sealed.get("callerNumber") != null) {
            out.add(Updates.set("callerNumber", sealed.get("callerNumber")));
        }
        List<String> keys = sealed.getList(TipCipher.ENC_KEYS, String.class, List.of());
        if (!keys.isEmpty()) {
            out.add(Updates.addEachToSet(TipCipher.ENC_KEYS, keys));
        }
        return out;
    }

    private static IntakeOutcome completed(String reference, int revision, TipRouter.Rerouted routed) {
        return new IntakeOutcome.Completed(reference, revision, names(routed), routed.updated());
    }

    private static List<String> names(TipRouter.Rerouted routed) {
        return routed.recipients().stream().map(Recipient::agencyId).toList();
    }
}
