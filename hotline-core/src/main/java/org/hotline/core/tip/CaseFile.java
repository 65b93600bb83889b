package org.hotline.core.tip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
