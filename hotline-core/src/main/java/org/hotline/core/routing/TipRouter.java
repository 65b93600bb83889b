package org.hotline.core.routing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.storage.MongoStore;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Routing;
import org.hotline.pathway.TipFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the active pathway for each stored tip and asks the planner for its referrals, then marks the
 * tip routed with the version that routed it. A tip is routed at most once; {@link #sweep()} finds tips a
 * crash left unrouted. Abandoned or silent calls are routed only when they flag danger or a child: the
 * rest wait for a supervisor's review instead of sending agencies a report with nothing in it. Stored tips
 * carry their personal values encrypted; the router decrypts them only to hand the planner the identity
 * fields ({@code callerPhone}, {@code recording}), which the pathway's consent rules then release or withhold.
 */
public final class TipRouter {

    private static final Logger LOG = LoggerFactory.getLogger(TipRouter.class);
    private static final Set<String> PARTIAL_OUTCOMES = Set.of("ABANDONED", "SILENT", "BUSY");

    private final MongoCollection<Document> tips;
    private final ActivePathway pathway;
    private final ReferralPlanner planner;
    private final Clock clock;
    private final TipCipher cipher;

    public TipRouter(MongoStore store, ActivePathway pathway, ReferralPlanner planner, Clock clock, TipCipher cipher) {
        this.tips = store.database().getCollection("tips");
        this.pathway = pathway;
        this.planner = planner;
        this.clock = clock;
        this.cipher = cipher;
    }

    /** Routes one stored tip (no-op when it is already routed). */
    public void route(Document stored) {
        if (Boolean.TRUE.equals(stored.getBoolean("routed"))) {
            return;
        }
        Document tip = cipher.open(stored);
        Document fields = tip.get("fields", Document.class);
        String tipId = tip.getString("_id");
        if (!routable(tip.getString("outcome"), fields)) {
            tips.updateOne(Filters.eq("_id", tipId), Updates.combine(Updates.set("routed", true),
                    Updates.set("status", "REVIEW"),
                    Updates.set("routingNote", "partial call without danger or child flag: supervisor review")));
            return;
        }
        Pathway active = pathway.get();
        Routing routing = active.route(facts(fields, tip.get("consents", Document.class)));
        Map<String, Object> tipFields = new LinkedHashMap<>(fields);
        tipFields.put("reference", tip.getString("reference"));
        tipFields.put("receivedAt", tip.getDate("receivedAt"));
        tipFields.put("consents", tip.get("consents", Document.class));
        if (tip.getString("callerNumber") != null) {
            tipFields.putIfAbsent("callerPhone", tip.getString("callerNumber"));
        }
        if (tip.getString("recording") != null) {
            tipFields.putIfAbsent("recording", tip.getString("recording"));
        }
        planner.plan(tipId, tip.getString("reference"), tipFields, routing, active);
        List<Document> recipients = routing.recipients().stream().map(TipRouter::summary).toList();
        tips.updateOne(Filters.eq("_id", tipId), Updates.combine(
                Updates.set("routed", true),
                Updates.set("status", "REFERRED"),
                Updates.set("pathwayId", routing.pathwayId()),
                Updates.set("pathwayVersion", routing.pathwayVersion()),
                Updates.set("fallbackUsed", routing.fallbackUsed()),
                Updates.set("recipients", recipients),
                Updates.set("routedAt", Date.from(clock.instant()))));
        LOG.info("Tip {} routed by pathway {} v{} to {}", tip.getString("reference"), routing.pathwayId(),
                routing.pathwayVersion(), routing.recipients().stream().map(Recipient::agencyId).collect(Collectors.joining(",")));
    }

    /** Routes tips stored more than {@code olderThan} ago and still unrouted; returns how many. */
    public int sweep(Duration olderThan) {
        Date cutoff = Date.from(clock.instant().minus(olderThan));
        int count = 0;
        for (Document tip : tips.find(Filters.and(Filters.eq("routed", false), Filters.lte("receivedAt", cutoff)))) {
            try {
                route(tip);
                count++;
            } catch (RuntimeException e) {
                LOG.warn("Routing tip {} failed; will retry", tip.getString("reference"), e);
            }
        }
        return count;
    }

    static boolean routable(String outcome, Document fields) {
        if (!PARTIAL_OUTCOMES.contains(outcome)) {
            return true;
        }
        return Boolean.TRUE.equals(fields.getBoolean("immediateDanger")) || Boolean.TRUE.equals(fields.getBoolean("childInvolved"));
    }

    static TipFacts facts(Document fields, Document consents) {
        Set<String> given = consents == null ? Set.of() : consents.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).collect(Collectors.toSet());
        return new TipFacts(
                fields.getString("exploitationType"),
                fields.getString("region"),
                Boolean.TRUE.equals(fields.getBoolean("childInvolved")),
                Boolean.TRUE.equals(fields.getBoolean("immediateDanger")),
                fields.getString("victimNationality"),
                Boolean.TRUE.equals(fields.getBoolean("crossBorder")),
                fields.getString("callerRole"),
                given);
    }

    private static Document summary(Recipient r) {
        return new Document("agencyId", r.agencyId()).append("profile", r.profile())
                .append("priority", r.priority().name()).append("matchedRules", r.matchedRules());
    }
}
