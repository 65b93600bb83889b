package org.hotline.core.audit.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.audit.AuditEntry;

/** Maps audit entries to and from their MongoDB documents ({@code _id} is the sequence number). */
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
