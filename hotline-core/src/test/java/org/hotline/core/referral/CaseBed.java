package org.hotline.core.referral;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.tip.TipQueries;
import org.hotline.core.tip.internal.MongoTipRepository;
import org.hotline.pathway.Pathway;

/**
 * The referral side of a node over one pathway, as the node wires it: the router, the outbox with sealed
 * payloads, reassign/escalate and the deadline sweeper, against the embedded MongoDB over the driver, with the
 * audit log kept in {@link #audit}. Tips are stored sealed, as intake stores them.
 */
final class CaseBed implements AutoCloseable {

    final MongoStore mongo;
    final TipCipher cipher;
    final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    final MongoTipRepository tips;

    CaseBed(Path dir) {
        this.mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(5));
        this.cipher = TipCipher.open(Map.of(), dir.resolve("keys"));
        this.tips = new MongoTipRepository(mongo, cipher);
    }

    /** The parts of a node routing by {@code pathway}. */
    Parts parts(Pathway pathway, Clock clock) {
        ActivePathway active = ActivePathway.of(pathway);
        ReferralService referrals = new ReferralService(mongo.database(), new HotlineMetrics(false), clock, cipher,
                audit::add);
        Handovers handovers = new Handovers(referrals.outbox(), new TipQueries(tips)::caseFile, active::get,
                audit::add);
        DeadlineSweeper sweeper = new DeadlineSweeper(mongo.database(), new HotlineMetrics(false), clock, handovers);
        return new Parts(active, referrals, new TipRouter(tips, active, referrals, referrals.updates(), clock),
                new ReferralInterventions(mongo.database(), new HotlineMetrics(false), clock, () -> { }, handovers),
                sweeper);
    }

    record Parts(ActivePathway active, ReferralService referrals, TipRouter router, ReferralInterventions interventions,
            DeadlineSweeper sweeper) {}

    /**
     * Stores a sealed tip with {@code fields} and the consents given; {@code callerNumber} is kept (as intake
     * does) only with callback consent. Returns its id.
     */
    String storeTip(String reference, String source, String outcome, Map<String, Object> fields, List<String> consents,
            String callerNumber) {
        String tipId = UUID.randomUUID().toString();
        Document given = new Document();
        consents.forEach(p -> given.append(p, true));
        Document doc = new Document("_id", tipId).append("reference", reference).append("receivedAt", new Date())
                .append("source", source).append("outcome", outcome).append("fields", new Document(fields))
                .append("consents", given).append("routed", false);
        if (consents.contains("callback") && callerNumber != null) {
            doc.append("callerNumber", callerNumber);
        }
        mongo.database().getCollection("tips").insertOne(cipher.seal(doc));
        return tipId;
    }

    Document tip(String tipId) {
        return mongo.database().getCollection("tips").find(new Document("_id", tipId)).first();
    }

    /** A stored referral with its payload opened. */
    Document referral(ReferralService referrals, String id) {
        Document stored = mongo.database().getCollection("referrals").find(new Document("_id", id)).first();
        return stored == null ? null : referrals.opened(stored);
    }

    List<Document> referralsOf(String tipId) {
        return mongo.database().getCollection("referrals").find(new Document("tipId", tipId)).into(new java.util.ArrayList<>());
    }

    @Override
    public void close() {
        mongo.close();
    }
}
