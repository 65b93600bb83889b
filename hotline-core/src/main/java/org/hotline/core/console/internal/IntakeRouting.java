package org.hotline.core.console.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.Referral;
import org.hotline.core.referral.ReferralService;
import org.hotline.core.referral.ReferralUpdates;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Routing;
import org.hotline.pathway.TipFields;

/**
 * Routes a tip again after an operator changed it (intake form, emergency). Unlike the first routing of an
 * IVR tip this always routes, even a call the IVR left partial: a person has now taken the report. Agencies
 * the new routing adds get their referral (creating referrals is idempotent per tip and agency); agencies
 * that had one get the new information as an update of this revision.
 */
public final class IntakeRouting {

    private final MongoCollection<Document> tips;
    private final TipCipher cipher;
    private final ActivePathway pathway;
    private final ReferralService referrals;
    private final ReferralUpdates updates;
    private final Clock clock;

    public IntakeRouting(MongoCollection<Document> tips, TipCipher cipher, ActivePathway pathway,
            ReferralService referrals, ReferralUpdates updates, Clock clock) {
        this.tips = tips;
        this.cipher = cipher;
        this.pathway = pathway;
        this.referrals = referrals;
        this.updates = updates;
        this.clock = clock;
    }

    /** What routing did: the recipients now, and which of them got an update instead of a new referral. */
    public record Result(List<Recipient> recipients, Set<String> updated) {}

    public Result route(String tipId, int revision) {
        Document stored = tips.find(Filters.eq("_id", tipId)).first();
        if (stored == null) {
            throw new IllegalStateException("tip " + tipId + " vanished while routing");
        }
        Document tip = cipher.open(stored);
        String reference = tip.getString("reference");
        Map<String, Object> fields = plannerFields(tip);
        Pathway active = pathway.get();
        Routing routing = active.route(TipFields.facts(fields));
        Set<String> before = new LinkedHashSet<>();
        for (Referral r : referrals.forTip(tipId)) {
            if (r.id().equals(ReferralService.referralId(tipId, r.agencyId()))) {
                before.add(r.agencyId());
            }
        }
        referrals.createReferrals(tipId, reference, fields, routing, active);
        updates.send(tipId, revision, fields, routing, active, before);
        List<Document> recipients = new ArrayList<>(stored.getList("recipients", Document.class, List.of()));
        Set<String> listed = new LinkedHashSet<>();
        recipients.forEach(r -> listed.add(r.getString("agencyId")));
        for (Recipient r : routing.recipients()) {
            if (listed.add(r.agencyId())) {
                recipients.add(new Document("agencyId", r.agencyId()).append("profile", r.profile())
                        .append("priority", r.priority().name()).append("matchedRules", r.matchedRules()));
            }
        }
        tips.updateOne(Filters.eq("_id", tipId), Updates.combine(
                Updates.set("routed", true),
                Updates.set("status", "REFERRED"),
                Updates.set("pathwayId", routing.pathwayId()),
                Updates.set("pathwayVersion", routing.pathwayVersion()),
                Updates.set("recipients", recipients),
                Updates.set("routedAt", Date.from(clock.instant()))));
        Set<String> updated = new LinkedHashSet<>();
        routing.recipients().stream().map(Recipient::agencyId).filter(before::contains).forEach(updated::add);
        return new Result(routing.recipients(), updated);
    }

    /** The tip's fields as the planner takes them (as the first routing hands them over). */
    static Map<String, Object> plannerFields(Document tip) {
        Map<String, Object> fields = new LinkedHashMap<>(tip.get("fields", Document.class));
        fields.put("reference", tip.getString("reference"));
        fields.put("receivedAt", tip.getDate("receivedAt"));
        fields.put(TipFields.CONSENTS, tip.get("consents", Document.class));
        if (tip.getString("callerNumber") != null) {
            fields.putIfAbsent("callerPhone", tip.getString("callerNumber"));
        }
        if (tip.getString("recording") != null) {
            fields.putIfAbsent("recording", tip.getString("recording"));
        }
        return fields;
    }
}
