package org.hotline.core.auth.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.crypto.FieldCipher;
import org.hotline.core.storage.MongoStore;

/**
 * The second factors of staff accounts in collection {@code second_factors}, one document per user id: the TOTP
 * secret (encrypted, bound to the user id), whether enrolment is confirmed, the last accepted time step (replay
 * protection) and the SHA-256 hashes of unused recovery codes. The only reader and writer of that collection;
 * every change that must not race is one single-document update with its condition in the filter.
 */
public final class TotpRecords {

    private static final String SECRET_FIELD = "totpSecret";

    /** {@code PENDING}: shown to its owner, not yet confirmed with a code; {@code ACTIVE}: required at sign-in. */
    public enum State { PENDING, ACTIVE }

    /** A user's second factor, secret decrypted. */
    public record Record(String userId, State state, String secret, long lastStep) {}

    private final MongoCollection<Document> factors;
    private final FieldCipher cipher;

    public TotpRecords(MongoStore store, FieldCipher cipher) {
        this.factors = store.database().getCollection("second_factors");
        this.cipher = cipher;
    }

    public Optional<Record> find(String userId) {
        Document d = factors.find(Filters.eq("_id", userId)).first();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new Record(userId, State.valueOf(d.getString("state")),
                cipher.decrypt(d.getString("secret"), userId, SECRET_FIELD), d.get("lastStep", Number.class).longValue()));
    }

    /** Stores a fresh unconfirmed secret, replacing an unconfirmed one; false when a confirmed one exists. */
    public boolean savePending(String userId, String secret, Instant now) {
        Document pending = new Document("_id", userId).append("state", State.PENDING.name())
                .append("secret", cipher.encrypt(secret, userId, SECRET_FIELD)).append("lastStep", -1L)
                .append("recovery", List.of()).append("createdAt", Date.from(now));
        try {
            // one atomic step: replaces an unconfirmed factor or inserts; a confirmed one makes the insert collide
            factors.replaceOne(Filters.and(Filters.eq("_id", userId), Filters.ne("state", State.ACTIVE.name())), pending,
                    new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Accepts time step {@code step} for an active factor unless it (or a later one) was accepted before. */
    public boolean claimStep(String userId, long step) {
        return factors.updateOne(Filters.and(Filters.eq("_id", userId), Filters.eq("state", State.ACTIVE.name()),
                Filters.lt("lastStep", step)), Updates.set("lastStep", step)).getModifiedCount() == 1;
    }

    /** Confirms a pending factor with the step of its first code and the hashes of fresh recovery codes. */
    public boolean activate(String userId, long step, List<String> recoveryHashes, Instant now) {
        return factors.updateOne(Filters.and(Filters.eq("_id", userId), Filters.eq("state", State.PENDING.name()),
                Filters.lt("lastStep", step)), Updates.combine(Updates.set("state", State.ACTIVE.name()),
                Updates.set("lastStep", step), Updates.set("recovery", recoveryHashes),
                Updates.set("activatedAt", Date.from(now)))).getModifiedCount() == 1;
    }

    /** Uses up the recovery code with hash {@code hash}: true only the first time. */
    public boolean useRecovery(String userId, String hash) {
        return factors.updateOne(Filters.and(Filters.eq("_id", userId), Filters.eq("state", State.ACTIVE.name()),
                Filters.eq("recovery", hash)), Updates.pull("recovery", hash)).getModifiedCount() == 1;
    }

    /** How many recovery codes are left. */
    public int recoveryLeft(String userId) {
        Document d = factors.find(Filters.eq("_id", userId)).first();
        return d == null ? 0 : d.getList("recovery", String.class, List.of()).size();
    }

    /** Removes the factor (a reset); true when there was one. */
    public boolean delete(String userId) {
        return factors.deleteOne(Filters.eq("_id", userId)).getDeletedCount() == 1;
    }
}
