package org.hotline.core.referral.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.conversions.Bson;
import org.hotline.core.referral.ReferralState;

/**
 * The referral outbox in MongoDB (collection {@code referrals}). Every state change is a single-document atomic
 * update guarded by the claim's lease token, so a node whose lease was taken over cannot overwrite the new owner's
 * result. A referral's state lives on the referral alone: the tip keeps no copy to fall out of step with it (readers
 * ask {@code ReferralQueries#statesOf}), so each state change is one write.
 */
public final class MongoReferralStore {

    public static final String REFERRALS = "referrals";

    private final MongoCollection<Document> referrals;

    /** Unique indexes an embedded store of an earlier version had (see {@link #ensureIndexes}). */
    static final Set<String> FORMER_EMBEDDED_INDEXES = Set.of("_id_1_state_1", "_id_1_state_1_leaseToken_1");

    public MongoReferralStore(MongoDatabase database) {
        this.referrals = database.getCollection(REFERRALS);
    }

    /**
     * Indexes to find due work (the outbox poll; the deadline sweep, each second) and a tip's referrals: a real
     * MongoDB keeps them on disk, the embedded store in memory ({@code SecondaryIndex}). The claims and
     * lease-guarded updates filter on {@code _id}, which both serve from the {@code _id} index (the embedded one
     * through {@code IdIndexedH2Backend}). Unique indexes on {@code _id} with the state
     * and the lease token, which an embedded store of an earlier version was given for those filters, are
     * dropped: they served nothing more and every insert and state change paid for them.
     */
    public void ensureIndexes(boolean embedded) {
        referrals.createIndex(Indexes.ascending("state", "priorityRank", "nextAttemptAt"));
        referrals.createIndex(Indexes.ascending("tipId"));
        referrals.createIndex(Indexes.ascending("state", "ackDeadline"));
        if (embedded) {
            for (Document index : referrals.listIndexes()) {
                if (FORMER_EMBEDDED_INDEXES.contains(index.getString("name"))) {
                    referrals.dropIndex(index.getString("name"));
                }
            }
        }
    }

    /**
     * Inserts the referrals that do not exist yet, in one round trip; returns the ids inserted. Referrals whose
     * {@code _id} exists already are left as they are (a re-routed tip); any other error is thrown.
     */
    public Set<String> insertAllAbsent(List<Document> batch) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        Set<String> inserted = new java.util.LinkedHashSet<>();
        batch.forEach(doc -> inserted.add(doc.getString("_id")));
        try {
            referrals.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                inserted.remove(batch.get(error.getIndex()).getString("_id"));
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
        }
        return inserted;
    }

    /**
     * Atomically claims the most urgent due referral: PENDING or FAILED with {@code nextAttemptAt <= now}, or
     * SENDING whose lease ran out (its node died mid-send). IMMEDIATE priority first, then oldest due.
     * Referrals to {@code skipAgencies} (open circuits) are left for later.
     */
    public Optional<Document> claimNext(String node, String leaseToken, Instant now, Instant leaseUntil,
            Set<String> skipAgencies) {
        Date at = Date.from(now);
        Bson due = or(
                and(in("state", ReferralState.PENDING.name(), ReferralState.FAILED.name()), lte("nextAttemptAt", at)),
                and(eq("state", ReferralState.SENDING.name()), lte("leaseUntil", at)));
        if (!skipAgencies.isEmpty()) {
            due = and(due, nin("agencyId", skipAgencies));
        }
        Bson claim = lease(node, leaseToken, at, leaseUntil);
        return Optional.ofNullable(referrals.findOneAndUpdate(due, claim, new FindOneAndUpdateOptions()
                .sort(Sorts.ascending("priorityRank", "nextAttemptAt"))
                .returnDocument(ReturnDocument.AFTER)));
    }

    /**
     * Claims one referral by id if it is still PENDING (a new referral this node just created; it is due at
     * once). Empty when another node or thread has it, or it has moved on. Found through the {@code _id} index.
     */
    public Optional<Document> claim(String id, String node, String leaseToken, Instant now, Instant leaseUntil) {
        Date at = Date.from(now);
        Bson claim = lease(node, leaseToken, at, leaseUntil);
        Document pending = new Document("_id", id).append("state", ReferralState.PENDING.name());
        return Optional.ofNullable(referrals.findOneAndUpdate(pending, claim,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /**
     * A referral draft as it is inserted already leased to {@code node}: what {@link #claim} would make of it,
     * without the round trip. Only for a node that sends it at once; its lease guards it like any claim's.
     */
    public static Document leasedDraft(Document draft, String node, String leaseToken, Instant now, Instant leaseUntil) {
        return new Document(draft).append("state", ReferralState.SENDING.name()).append("leaseOwner", node)
                .append("leaseToken", leaseToken).append("leaseUntil", Date.from(leaseUntil))
                .append("updatedAt", Date.from(now));
    }

    /** {@code draft} without the lease {@link #leasedDraft} put on it: a PENDING referral as inserted unleased. */
    public static Document pendingDraft(Document draft) {
        Document pending = new Document(draft);
        pending.remove("leaseOwner");
        pending.remove("leaseToken");
        pending.remove("leaseUntil");
        pending.put("state", ReferralState.PENDING.name());
        return pending;
    }

    /** {@code doc} as MongoDB would give it back (the driver's types), e.g. a draft just inserted. */
    public Document asStored(Document doc) {
        Codec<Document> codec = referrals.getCodecRegistry().get(Document.class);
        return new RawBsonDocument(doc, codec).decode(codec);
    }

    /**
     * Moves this node's lease {@code oldToken} to {@code newToken} until {@code leaseUntil} (a referral leased at
     * insert that waited long enough for its lease to run low). Empty when the lease was lost meanwhile.
     */
    public Optional<Document> renew(String id, String oldToken, String node, String newToken, Instant now,
            Instant leaseUntil) {
        Document mine = new Document("_id", id).append("state", ReferralState.SENDING.name()).append("leaseToken", oldToken);
        return Optional.ofNullable(referrals.findOneAndUpdate(mine, lease(node, newToken, Date.from(now), leaseUntil),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** Gives a lease back unused: the referral is PENDING again, for whichever node polls next. */
    public boolean release(String id, String leaseToken, Instant now) {
        Document mine = new Document("_id", id).append("state", ReferralState.SENDING.name()).append("leaseToken", leaseToken);
        return referrals.updateOne(mine, combine(set("state", ReferralState.PENDING.name()), unset("leaseOwner"),
                unset("leaseToken"), unset("leaseUntil"), set("updatedAt", Date.from(now)))).getModifiedCount() == 1;
    }

    private static Bson lease(String node, String leaseToken, Date at, Instant leaseUntil) {
        return combine(
                set("state", ReferralState.SENDING.name()),
                set("leaseOwner", node),
                set("leaseToken", leaseToken),
                set("leaseUntil", Date.from(leaseUntil)),
                set("updatedAt", at));
    }

    /** Records a successful attempt; false when the lease was lost meanwhile (nothing changed). */
    public boolean markDelivered(String id, String leaseToken, Document attempt, String channel, Instant now) {
        return finish(id, leaseToken, attempt, now,
                set("state", ReferralState.DELIVERED.name()),
                set("deliveredAt", Date.from(now)),
                set("channel", channel),
                unset("lastError"));
    }

    /** Records a failed attempt to be retried at {@code nextAttemptAt}; false when the lease was lost. */
    public boolean markFailed(String id, String leaseToken, Document attempt, String reason, Instant now,
            Instant nextAttemptAt) {
        return finish(id, leaseToken, attempt, now,
                set("state", ReferralState.FAILED.name()),
                set("nextAttemptAt", Date.from(nextAttemptAt)),
                set("lastError", reason));
    }

    /** Gives up on a referral; false when the lease was lost. */
    public boolean markDeadLetter(String id, String leaseToken, Document attempt, String reason, Instant now) {
        return finish(id, leaseToken, attempt, now,
                set("state", ReferralState.DEAD_LETTER.name()),
                set("deadLetteredAt", Date.from(now)),
                set("lastError", reason));
    }

    private boolean finish(String id, String leaseToken, Document attempt, Instant now, Bson... changes) {
        List<Bson> updates = new ArrayList<>(List.of(changes));
        updates.add(push("attempts", attempt));
        updates.add(inc("attemptCount", 1));
        updates.add(set("updatedAt", Date.from(now)));
        updates.add(unset("leaseOwner"));
        updates.add(unset("leaseToken"));
        updates.add(unset("leaseUntil"));
        Bson mine = new Document("_id", id).append("state", ReferralState.SENDING.name()).append("leaseToken", leaseToken);
        return referrals.updateOne(mine, combine(updates)).getModifiedCount() == 1;
    }

    /**
     * Replaces the payload (with its withheld fields, overrides and the rules that now justify them) of a referral
     * not delivered yet (PENDING or FAILED); false when it went out or is going out meanwhile.
     */
    public boolean replacePayloadIfUndelivered(String id, Document payload, List<String> withheld,
            List<Document> overrides, List<String> matchedRules, Instant now) {
        return referrals.updateOne(and(eq("_id", id), in("state", List.of(ReferralState.PENDING.name(),
                        ReferralState.FAILED.name()))),
                combine(set("payload", payload), set("withheld", withheld), set("consentOverrides", overrides),
                        set("matchedRules", matchedRules), set("updatedAt", Date.from(now)))).getModifiedCount() == 1;
    }

    /** The collection read through the driver's codec: referrals come back typed, their payloads opened by {@code seal}. */
    public MongoCollection<org.hotline.core.referral.Referral> typed(org.hotline.core.crypto.PayloadSeal seal) {
        org.bson.codecs.configuration.CodecRegistry registry = referrals.getCodecRegistry();
        return referrals.withDocumentClass(org.hotline.core.referral.Referral.class).withCodecRegistry(
                org.bson.codecs.configuration.CodecRegistries.fromRegistries(org.bson.codecs.configuration.CodecRegistries
                        .fromCodecs(new ReferralReadCodec(registry, seal)), registry));
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(referrals.find(eq("_id", id)).first());
    }

    public List<Document> forTip(String tipId) {
        return referrals.find(eq("tipId", tipId)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
