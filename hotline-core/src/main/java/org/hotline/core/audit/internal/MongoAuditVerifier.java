package org.hotline.core.audit.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditVerification;

/**
 * Walks the stored audit chain from sequence 1 and reports the first entry that is missing, out of place,
 * changed (hash or seal mismatch) or not linked to its predecessor, and entries cut off the end (the head
 * marker is beyond the last entry).
 */
public final class MongoAuditVerifier {

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> head;
    private final AuditChain chain;

    public MongoAuditVerifier(MongoDatabase database, AuditChain chain) {
        this.entries = database.getCollection(AuditDocuments.COLLECTION);
        this.head = database.getCollection(AuditDocuments.HEAD_COLLECTION);
        this.chain = chain;
    }

    public AuditVerification verify() {
        long expected = 1;
        String prevHash = AuditChain.GENESIS;
        for (Document d : entries.find().sort(Sorts.ascending("_id")).batchSize(1000)) {
            AuditEntry entry;
            try {
                entry = AuditDocuments.entry(d);
            } catch (RuntimeException e) {
                return new AuditVerification.Tampered(expected, "entry " + d.get("_id") + " is malformed");
            }
            if (entry.seq() != expected) {
                return new AuditVerification.Tampered(expected, entry.seq() > expected
                        ? "entry " + expected + " is missing" : "entry " + entry.seq() + " is out of order");
            }
            if (!prevHash.equals(entry.prevHash())) {
                return new AuditVerification.Tampered(expected, "entry " + expected + " does not link to entry "
                        + (expected - 1) + " (removed, reordered or changed)");
            }
            if (!chain.isIntact(entry)) {
                return new AuditVerification.Tampered(expected, "entry " + expected + " was changed (hash or seal mismatch)");
            }
            prevHash = entry.hash();
            expected++;
        }
        Document marker = head.find(Filters.eq("_id", AuditDocuments.HEAD_ID)).first();
        long recorded = marker == null || marker.get("seq") == null ? 0 : ((Number) marker.get("seq")).longValue();
        if (recorded >= expected) {
            return new AuditVerification.Tampered(expected, "entries " + expected + " to " + recorded
                    + " were removed from the end of the log");
        }
        return new AuditVerification.Intact(expected - 1, prevHash);
    }
}
