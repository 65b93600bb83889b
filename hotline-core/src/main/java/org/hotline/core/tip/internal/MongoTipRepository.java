package org.hotline.core.tip.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.tip.NewTip;
import org.hotline.core.tip.SealedTip;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;
import org.hotline.core.tip.TipStatus;

/** {@link TipRepository} over the {@code tips} collection; personal values sealed with the node's data keys. */
public final class MongoTipRepository implements TipRepository {

    /** The collection; named here and nowhere else. */
    public static final String TIPS = "tips";

    private static final DocumentCodec CODEC = new DocumentCodec();
    /** An open after-hours tip with a review deadline that nobody has reviewed yet. */
    private static final Bson AFTER_HOURS_REVIEW = and(exists("afterHours.reviewDue"), exists("review.at", false),
            ne("status", TipStatus.CLOSED.name()));

    private final MongoCollection<Document> tips;
    /** The same collection read through {@link TipReadCodec}: finds come back as opened, typed tips. */
    private final MongoCollection<Tip> typed;
    private final TipCipher cipher;
    private final TipRevisions revisions;
    private final TipPurge purges;
    private final TipRoutings routings;

    public MongoTipRepository(MongoStore store, TipCipher cipher) {
        this.tips = store.database().getCollection(TIPS);
        this.typed = tips.withDocumentClass(Tip.class).withCodecRegistry(org.bson.codecs.configuration.CodecRegistries
                .fromRegistries(org.bson.codecs.configuration.CodecRegistries.fromCodecs(
                        new TipReadCodec(tips.getCodecRegistry(), cipher)), tips.getCodecRegistry()));
        this.cipher = cipher;
        this.revisions = new TipRevisions(tips, cipher);
        this.purges = new TipPurge(tips, cipher);
        this.routings = new TipRoutings(tips);
    }

    @Override
    public SealedTip seal(NewTip tip) {
        Document doc = cipher.seal(TipDocuments.newTip(tip.tipId(), tip.reference(), tip.pinHash(), tip.callerHash(),
                tip.capture().callerNumber(), tip.capture(), tip.receivedAt(), tip.nodeId()));
        doc.putAll(tip.extra());
        return SealedTip.of(new RawBsonDocument(doc, CODEC));
    }

    /**
     * Stores tips a writer took from the journal, each inserted only if absent (a replay changes nothing), in one
     * round trip.
     */
    public void insertAllAbsent(List<SealedTip> sealed) {
        List<com.mongodb.client.model.WriteModel<Document>> upserts = sealed.stream()
                .<com.mongodb.client.model.WriteModel<Document>>map(t -> new com.mongodb.client.model.UpdateOneModel<>(
                        eq("_id", t.id()), new Document("$setOnInsert", t.raw()),
                        new com.mongodb.client.model.UpdateOptions().upsert(true)))
                .toList();
        if (!upserts.isEmpty()) {
            tips.bulkWrite(upserts, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
    }

    /** References are unique; the second index finds unrouted tips (the embedded store keeps it in memory). */
    public void ensureIndexes() {
        tips.createIndex(new Document("reference", 1), new IndexOptions().unique(true));
        // the routing sweeper's query
        tips.createIndex(new Document("routed", 1).append("receivedAt", 1));
    }

    /** The tip a writer just stored, from what it wrote, without reading it back. */
    public Tip decode(SealedTip stored) {
        return TipCodec.tip(cipher.open(stored.raw().decode(CODEC)));
    }

    @Override
    public Optional<Tip> find(String tipId) {
        return first(eq("_id", tipId));
    }

    @Override
    public Optional<Tip> byReference(String reference) {
        return reference == null ? Optional.empty() : first(eq("reference", reference));
    }

    @Override
    public List<Tip> unroutedBefore(Instant cutoff) {
        return list(typed.find(and(eq("routed", false), lte("receivedAt", Date.from(cutoff)))));
    }

    @Override
    public List<String> unroutedIdsBefore(Instant cutoff) {
        return tips.find(and(eq("routed", false), lte("receivedAt", Date.from(cutoff))))
                .projection(new Document("_id", 1).append("receivedAt", 1)).into(new ArrayList<>()).stream()
                .sorted(java.util.Comparator.comparing(d -> d.getDate("receivedAt")))
                .map(d -> d.getString("_id")).toList();
    }

    @Override
    public boolean claimRouting(String tipId, String node, Instant now, Instant until) {
        return routings.claim(tipId, node, now, until);
    }

    @Override
    public void holdForReview(String tipId, String note) {
        routings.holdForReview(tipId, note);
    }

    @Override
    public void markAfterHours(String tipId, Tip.AfterHoursCare care) {
        routings.markAfterHours(tipId, care);
    }

    @Override
    public void markRouted(String tipId, RoutingRecord routing, List<Tip.RoutedTo> recipients) {
        routings.markAll(List.of(new Routed(tipId, routing, recipients)));
    }

    /** The routings of a batch of tips in one bulk round trip. */
    @Override
    public void markAllRouted(List<Routed> routed) {
        routings.markAll(routed);
    }

    @Override
    public int revise(String tipId, Revision revision) {
        return revisions.apply(tipId, revision);
    }

    @Override
    public List<Tip> byOperator(String userId, int limit) {
        return list(typed.find(eq("operatorIds", userId)).sort(Sorts.descending("receivedAt")).limit(limit));
    }

    @Override
    public List<Tip> callbacksDue(List<String> windows, Instant now, int limit) {
        Bson due = and(eq("consents.callback", true), eq("callbackEffective", true), in("fields.callbackWindow", windows),
                ne("status", TipStatus.CLOSED.name()), exists("callback.doneAt", false),
                or(exists("afterHours.callbackAfter", false), lte("afterHours.callbackAfter", Date.from(now))));
        return list(typed.find(due).sort(Sorts.ascending("receivedAt")).limit(limit));
    }

    @Override
    public boolean callbackDone(String reference, String result, String by, Instant at) {
        return tips.updateOne(and(eq("reference", reference), ne("status", TipStatus.CLOSED.name())),
                Updates.combine(Updates.set("callback", new Document("doneAt", Date.from(at)).append("by", by)
                        .append("result", result)), Updates.addToSet("operatorIds", by))).getMatchedCount() == 1;
    }

    @Override
    public List<Tip> reviewQueue(int limit) {
        return list(typed.find(or(eq("status", TipStatus.REVIEW.name()), AFTER_HOURS_REVIEW))
                .sort(Sorts.ascending("receivedAt")).limit(limit));
    }

    @Override
    public boolean closeReview(String reference, String note, String by, Instant at) {
        Document review = new Document("by", by).append("at", Date.from(at))
                .append("note", sealNoteByReference(reference, "review.note", note));
        boolean closed = tips.updateOne(and(eq("reference", reference), eq("status", TipStatus.REVIEW.name())),
                Updates.combine(Updates.set("status", TipStatus.CLOSED.name()),
                        Updates.set("review", review.append("decision", "close")))).getMatchedCount() == 1;
        // a routed after-hours tip stays open: its agencies work on it; the review is recorded
        return closed || tips.updateOne(and(eq("reference", reference), AFTER_HOURS_REVIEW),
                Updates.set("review", review.append("decision", "reviewed"))).getMatchedCount() == 1;
    }

    @Override
    public void setLegalHold(String tipId, boolean hold, Decision decision) {
        tips.updateOne(eq("_id", tipId), Updates.combine(Updates.set("legalHold", hold),
                Updates.set("legalHoldDecision", decision(tipId, "legalHoldDecision.reason", decision))));
    }

    @Override
    public boolean allowCallback(String tipId, Decision decision) {
        return tips.updateOne(and(eq("_id", tipId), ne("callbackEffective", true)),
                Updates.combine(Updates.set("callbackEffective", true),
                        Updates.set("callbackOverride", decision(tipId, "callbackOverride.reason", decision))))
                .getModifiedCount() == 1;
    }

    @Override
    public List<String> dueForPurge(String status, Instant cutoff, int limit) {
        return purges.due(status, cutoff, limit);
    }

    @Override
    public Optional<Purged> purge(String tipId, String status, String reason, Instant now) {
        return purges.purge(tipId, status, reason, now);
    }

    @Override
    public Optional<FollowUpKey> followUpKey(String reference) {
        return Optional.ofNullable(tips.find(eq("reference", reference))
                        .projection(new Document("pinHash", 1).append("status", 1)).first())
                .map(d -> new FollowUpKey(d.getString("_id"), d.getString("pinHash"), TipStatus.of(d.getString("status"))));
    }

    @Override
    public Optional<String> callerHash(String reference) {
        return Optional.ofNullable(tips.find(eq("reference", reference)).projection(new Document("callerHash", 1))
                .first()).map(d -> d.getString("callerHash"));
    }

    @Override
    public List<Recent> recent(int limit) {
        List<Recent> out = new ArrayList<>();
        tips.find(exists("purgedAt", false)).sort(Sorts.descending("receivedAt")).limit(limit)
                .forEach(d -> out.add(new Recent(TipCodec.tip(cipher.open(d)), d.getString("callerHash"))));
        return out;
    }

    @Override
    public boolean addFollowUp(String reference, String recording, String language, Instant at) {
        Document tip = tips.find(eq("reference", reference)).projection(new Document("_id", 1)).first();
        if (tip == null) {
            return false;
        }
        String id = tip.getString("_id");
        String sealed = cipher.sealFollowUpRecording(id, recording);
        return tips.updateOne(eq("_id", id), Updates.combine(Updates.push(TipCipher.FOLLOW_UPS,
                        new Document("at", Date.from(at)).append("recording", sealed).append("language", language)),
                Updates.addToSet(TipCipher.ENC_KEYS, org.hotline.core.crypto.FieldCipher.keyIdOf(sealed))))
                .getMatchedCount() == 1;
    }

    @Override
    public List<Tip> receivedBetween(Instant from, Instant to, Optional<String> region) {
        List<Bson> conditions = new ArrayList<>(List.of(com.mongodb.client.model.Filters.gte("receivedAt", Date.from(from)),
                com.mongodb.client.model.Filters.lt("receivedAt", Date.from(to))));
        region.ifPresent(r -> conditions.add(eq("fields.region", r)));
        List<Tip> out = new ArrayList<>();
        tips.find(and(conditions)).projection(new Document("receivedAt", 1).append("fields", 1).append("consents", 1)
                .append("status", 1).append("reference", 1).append("outcome", 1).append("source", 1))
                .forEach(d -> out.add(TipCodec.tip(withoutPersonal(d))));
        return out;
    }

    /** The document with its personal values left out (statistics never decrypt). */
    private static Document withoutPersonal(Document d) {
        Document fields = d.get("fields", Document.class);
        if (fields != null) {
            Document kept = new Document();
            fields.forEach((name, value) -> {
                if (!TipCipher.isPersonalField(name)) {
                    kept.put(name, value);
                }
            });
            d.put("fields", kept);
        }
        return d;
    }

    /** A staff decision as stored: its reason sealed for the tip (free text never lies in clear). */
    private Document decision(String tipId, String path, Decision d) {
        return new Document("by", d.by()).append("reason", cipher.sealText(tipId, path, d.reason()))
                .append("at", Date.from(d.at()));
    }

    private String sealNoteByReference(String reference, String path, String note) {
        Document tip = tips.find(eq("reference", reference)).projection(new Document("_id", 1)).first();
        return tip == null || note == null ? null : cipher.sealText(tip.getString("_id"), path, note);
    }

    private Optional<Tip> first(Bson filter) {
        return Optional.ofNullable(typed.find(filter).first());
    }

    private static List<Tip> list(Iterable<Tip> found) {
        List<Tip> out = new ArrayList<>();
        found.forEach(out::add);
        return out;
    }
}
