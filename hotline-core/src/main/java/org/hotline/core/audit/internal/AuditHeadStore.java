package org.hotline.core.audit.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.AuditEntry;

/** The one {@code audit_head} document: read it, move it forward, or re-anchor it. */
final class AuditHeadStore {

    private final MongoCollection<Document> heads;
    private final AuditChain chain;

    AuditHeadStore(MongoDatabase database, AuditChain chain) {
        this.heads = database.getCollection(AuditDocuments.HEAD_COLLECTION);
        this.chain = chain;
    }

    Optional<AuditHead> read() {
        return Optional.ofNullable(heads.find(Filters.eq("_id", AuditDocuments.HEAD_ID)).first())
                .map(AuditDocuments::head);
    }

    /** Moves the head to {@code entry} unless another node already moved it as far or further. */
    void advance(AuditEntry entry) {
        Bson behind = Filters.and(Filters.eq("_id", AuditDocuments.HEAD_ID), Filters.lt("seq", entry.seq()));
        Bson set = Updates.combine(Updates.set("seq", entry.seq()), Updates.set("hash", entry.hash()),
                Updates.set("seal", chain.sealHead(entry.seq(), entry.hash())));
        try {
            heads.updateOne(behind, set, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // The head exists and was not behind when we looked, or another node created it at the same time:
            // move it only if it is still behind.
            heads.updateOne(behind, set);
        }
    }

    /** Points the head at {@code entry} whatever it held before (after a recorded loss). */
    void reanchor(AuditEntry entry) {
        heads.replaceOne(Filters.eq("_id", AuditDocuments.HEAD_ID),
                AuditDocuments.head(new AuditHead(entry.seq(), entry.hash(), chain.sealHead(entry.seq(), entry.hash()))),
                new ReplaceOptions().upsert(true));
    }
}
