package org.hotline.core.tip;

import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.hotline.pathway.TipFacts;
import org.hotline.pathway.TipFields;

/**
 * A tip as the referral pathway sees it, decrypted: the canonical fields ({@link TipFields#ALL}) with the
 * caller's consents under {@link TipFields#CONSENTS}, the calling number as {@code callerPhone} when the caller
 * left it for a callback, and the recording. This is the only input of the disclosure function: whatever an
 * agency receives about a case is cut from a case file, never copied from another agency's referral.
 *
 * @param source where the report came from ({@code ivr}, {@code operator}, ...)
 * @param outcome how the call ended ({@code COMPLETED}, {@code OPERATOR}, {@code ABANDONED}, ...)
 */
public record CaseFile(String tipId, String reference, String source, String outcome, Map<String, Object> fields) {

    public CaseFile {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The case file of a stored tip whose personal values were already opened. */
    public static CaseFile of(Document openedTip) {
        Document stored = openedTip.get("fields", Document.class);
        Map<String, Object> fields = new LinkedHashMap<>(stored == null ? Map.of() : stored);
        fields.put("reference", openedTip.getString("reference"));
        Date received = openedTip.getDate("receivedAt");
        if (received != null) {
            fields.put("receivedAt", received);
        }
        Document consents = openedTip.get("consents", Document.class);
        fields.put(TipFields.CONSENTS, consents == null ? new Document() : new Document(consents));
        if (openedTip.getString("callerNumber") != null) {
            fields.putIfAbsent("callerPhone", openedTip.getString("callerNumber"));
        }
        if (openedTip.getString("recording") != null) {
            fields.putIfAbsent("recording", openedTip.getString("recording"));
        }
        return new CaseFile(openedTip.getString("_id"), openedTip.getString("reference"),
                openedTip.getString("source"), openedTip.getString("outcome"), fields);
    }

    /** The facts the pathway routes on. */
    public TipFacts facts() {
        return TipFields.facts(fields);
    }

    public boolean immediateDanger() {
        return TipFields.isTrue(fields.get("immediateDanger"));
    }

    public boolean childInvolved() {
        return TipFields.isTrue(fields.get("childInvolved"));
    }
}
