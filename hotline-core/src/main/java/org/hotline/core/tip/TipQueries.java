package org.hotline.core.tip;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.storage.MongoStore;

/** Read access to stored tips, with their personal values decrypted. */
public final class TipQueries {

    private final MongoCollection<Document> tips;
    private final TipCipher cipher;
    private final AuditLog audit;

    /** Reads for code that audits them itself (e.g. the call pop, which the live feature audits). */
    public TipQueries(MongoStore store, TipCipher cipher) {
        this(store, cipher, event -> { });
    }

    /** Reads that {@link #readBy} records in {@code audit}. */
    public TipQueries(MongoStore store, TipCipher cipher, AuditLog audit) {
        this.tips = store.database().getCollection("tips");
        this.cipher = cipher;
        this.audit = audit;
    }

    /** A person's read of a tip, audited as {@code tip.read} whether or not the tip exists. Blocking. */
    public Optional<Document> readBy(String userId, String reference) {
        Optional<Document> tip = byReference(reference);
        audit.record(new AuditEvent(userId, "tip.read", reference, Map.of("found", String.valueOf(tip.isPresent()))));
        return tip;
    }

    public Optional<Document> byReference(String reference) {
        return Optional.ofNullable(tips.find(Filters.eq("reference", reference)).first()).map(cipher::open);
    }

    /** The case file of tip {@code tipId} (what disclosure cuts agencies' payloads from), if it exists. */
    public Optional<CaseFile> caseFile(String tipId) {
        return Optional.ofNullable(tips.find(Filters.eq("_id", tipId)).first()).map(cipher::open).map(CaseFile::of);
    }
}
