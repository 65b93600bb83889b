package org.hotline.core.audit.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditVerification;

/**
 * Walks the stored audit chain from sequence 1 and reports the first entry that is missing, out of place,
 * changed (hash or seal mismatch) or not linked to its predecessor, and entries cut off the end: the sealed
 * head names a sequence beyond the last entry, or the head is missing, unsealed or its seal does not match
 * (it was moved back). Entries after the head are fine: a node writes its entry before it moves the head.
 */
public final class MongoAuditVerifier {

    private final MongoCollection<Document> entries;
    private final AuditHeadStore heads;
    private final AuditChain chain;

    public MongoAuditVerifier(MongoDatabase database, AuditChain chain) {
        this.entries = database.getCollection(AuditDocuments.COLLECTION);
        this.heads = new AuditHeadStore(database, chain);
        this.chain = chain;
    }

    /** Checks every entry and the head. */
    public AuditVerification verify() {
        // Read the head first: entries appended while we walk are then beyond it, which is fine.
        Optional<AuditHead> head = heads.read();
        long expected = 1;
        String prevHash = AuditChain.GENESIS;
        String hashAtHead = null;
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
                return changed(expected);
            }
            if (head.isPresent() && head.get().seq() == expected) {
                hashAtHead = entry.hash();
            }
            prevHash = entry.hash();
            expected++;
        }
        return checkEnd(head, expected - 1, prevHash, hashAtHead);
    }

    /**
     * The quick check before a node adds to the chain: the newest entry is intact and the sealed head matches
     * the entries (the entries before are not walked; {@link #verify} does that).
     */
    public AuditVerification verifyEnd() {
        Optional<AuditHead> head = heads.read();
        Document newest = entries.find().sort(Sorts.descending("_id")).limit(1).first();
        if (newest == null) {
            return checkEnd(head, 0, AuditChain.GENESIS, null);
        }
        AuditEntry last;
        try {
            last = AuditDocuments.entry(newest);
        } catch (RuntimeException e) {
            return new AuditVerification.Tampered(0, "entry " + newest.get("_id") + " is malformed");
        }
        if (!chain.isIntact(last)) {
            return changed(last.seq());
        }
        String hashAtHead = head.filter(h -> h.seq() != last.seq())
                .map(h -> entries.find(Filters.eq("_id", h.seq())).first())
                .map(d -> d.get("hash") instanceof String s ? s : null)
                .orElse(last.hash());
        return checkEnd(head, last.seq(), last.hash(), hashAtHead);
    }

    private AuditVerification checkEnd(Optional<AuditHead> stored, long last, String lastHash, String hashAtHead) {
        if (stored.isEmpty()) {
            return last == 0 ? new AuditVerification.Intact(0, AuditChain.GENESIS)
                    : new AuditVerification.Tampered(last + 1, "the audit head is missing, so entries after entry "
                            + last + " may have been cut off");
        }
        AuditHead head = stored.get();
        if (!chain.isSealedHead(head.seq(), head.hash(), head.seal())) {
            return new AuditVerification.Tampered(last + 1, "the audit head (at entry "
                    + head.seq() + ") is unsealed or its seal does not match, so it was changed and entries after entry "
                    + last + " may have been cut off");
        }
        if (head.seq() > last) {
            return new AuditVerification.Tampered(last + 1, "entries " + (last + 1) + " to " + head.seq()
                    + " were removed from the end of the log");
        }
        if (!head.hash().equals(hashAtHead)) {
            return new AuditVerification.Tampered(head.seq(), "entry " + head.seq()
                    + " is not the one the sealed head names (replaced)");
        }
        return new AuditVerification.Intact(last, lastHash);
    }

    private static AuditVerification changed(long seq) {
        return new AuditVerification.Tampered(seq, "entry " + seq + " was changed (hash or seal mismatch)");
    }
}
