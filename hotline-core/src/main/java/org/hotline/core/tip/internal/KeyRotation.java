package org.hotline.core.tip.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.crypto.FieldCipher;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.tip.TipKeyRotation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts the personal values of stored tips under the active key, in batches, while the service runs.
 * Resumable and idempotent: a pass walks the tips whose {@code encKeys} name any other key, in id order;
 * running it again (after a crash, or on another node at the same time) only finds what is left. Each tip
 * is updated only if its personal values are still the ones that were read, so a concurrent change (a
 * follow-up recording, a purge) is never overwritten; that tip is simply taken again on the next pass.
 */
public final class KeyRotation implements TipKeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

    private final MongoCollection<Document> tips;
    private final TipCipher cipher;

    public KeyRotation(MongoDatabase database, TipCipher cipher) {
        this.tips = database.getCollection(MongoTipRepository.TIPS);
        this.cipher = cipher;
    }

    @Override
    public Progress pass(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        String active = cipher.activeKeyId();
        long done = 0;
        long skipped = 0;
        String after = "";
        while (true) {
            List<Document> batch = tips.find(Filters.and(Filters.gt("_id", after), stale(active)))
                    .sort(Sorts.ascending("_id")).limit(batchSize).into(new ArrayList<>());
            if (batch.isEmpty()) {
                break;
            }
            for (Document tip : batch) {
                after = tip.getString("_id");
                if (reencrypt(tip)) {
                    done++;
                } else {
                    skipped++;
                }
            }
        }
        if (done > 0 || skipped > 0) {
            LOG.info("Key rotation pass: {} tips re-encrypted under key {}, {} left for a later pass", done, active, skipped);
        }
        return new Progress(done, skipped);
    }

    /** How many tips still hold values under a key other than the active one (a tip with none is not counted). */
    @Override
    public long remaining() {
        return tips.countDocuments(stale(cipher.activeKeyId()));
    }

    /** Tips with at least one key id other than the active one; an empty list (nothing encrypted) is not stale. */
    private static Bson stale(String active) {
        return Filters.and(Filters.exists(TipCipher.ENC_KEYS + ".0"),
                Filters.or(Filters.exists(TipCipher.ENC_KEYS + ".1"), Filters.ne(TipCipher.ENC_KEYS, active)));
    }

    private boolean reencrypt(Document tip) {
        Document fresh;
        try {
            fresh = cipher.reseal(tip);
        } catch (FieldCipher.CipherException e) {
            LOG.warn("Tip {} cannot be re-encrypted: {}", tip.getString("_id"), e.getMessage());
            return false;
        }
        List<Bson> unchanged = new ArrayList<>();
        List<Bson> sets = new ArrayList<>();
        unchanged.add(Filters.eq("_id", tip.getString("_id")));
        for (String path : personalPaths(tip)) {
            Object before = path.startsWith("fields.") ? tip.get("fields", Document.class).get(path.substring(7))
                    : tip.get(path);
            Object after = path.startsWith("fields.") ? fresh.get("fields", Document.class).get(path.substring(7))
                    : fresh.get(path);
            unchanged.add(Filters.eq(path, before));
            sets.add(Updates.set(path, after));
        }
        sets.add(Updates.set(TipCipher.ENC_KEYS, fresh.get(TipCipher.ENC_KEYS)));
        return tips.updateOne(Filters.and(unchanged), Updates.combine(sets)).getModifiedCount() == 1;
    }

    private static List<String> personalPaths(Document tip) {
        List<String> paths = new ArrayList<>();
        TipCipher.PERSONAL_TOP_LEVEL.stream().filter(p -> tip.get(p) != null).forEach(paths::add);
        Document fields = tip.get("fields", Document.class);
        if (fields != null) {
            fields.forEach((name, v) -> {
                if (v != null && TipCipher.isPersonalField(name)) {
                    paths.add("fields." + name);
                }
            });
        }
        if (tip.get(TipCipher.FOLLOW_UPS) != null) {
            paths.add(TipCipher.FOLLOW_UPS);
        }
        return paths;
    }
}
