package org.hotline.core.audit.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.audit.AuditEntry;

/** Maps audit entries ({@code _id} is the sequence number) and the chain's head to and from their documents. */
final class AuditDocuments {

    static final String COLLECTION = "audit_log";
    static final String HEAD_COLLECTION = "audit_head";
    static final String HEAD_ID = "head";

    private AuditDocuments() {}

    static Document document(AuditEntry e) {
        return new Document("_id", e.seq())
                .append("at", Date.from(e.at()))
                .append("actor", e.actor())
                .append("action", e.action())
                .append("target", e.target())
                .append("details", new Document(new LinkedHashMap<>(e.details())))
                .append("prevHash", e.prevHash())
                .append("hash", e.hash())
                .append("seal", e.seal());
    }

    static Document head(AuditHead h) {
        return new Document("_id", HEAD_ID).append("seq", h.seq()).append("hash", h.hash()).append("seal", h.seal());
    }

    static AuditHead head(Document d) {
        Object seq = d.get("seq");
        return new AuditHead(seq instanceof Number n ? n.longValue() : 0, string(d, "hash"), string(d, "seal"));
    }

    private static String string(Document d, String name) {
        return d.get(name) instanceof String s ? s : null;
    }

    static AuditEntry entry(Document d) {
        Map<String, String> details = new LinkedHashMap<>();
        Document stored = d.get("details", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> details.put(k, v == null ? null : v.toString()));
        }
        Date at = d.getDate("at");
        return new AuditEntry(((Number) d.get("_id")).longValue(), at == null ? java.time.Instant.EPOCH : at.toInstant(),
                d.getString("actor"), d.getString("action"), d.getString("target"), details,
                d.getString("prevHash"), d.getString("hash"), d.getString("seal"));
    }
}
