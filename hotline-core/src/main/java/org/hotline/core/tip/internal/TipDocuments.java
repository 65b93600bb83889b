package org.hotline.core.tip.internal;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.hotline.ivr.CapturedTip;

/** Maps what a call captured to the stored tip document, with typed values for the canonical fields. */
public final class TipDocuments {

    /** Canonical tip fields that hold yes/no answers. */
    private static final Set<String> BOOLEAN_FIELDS = Set.of("childInvolved", "immediateDanger", "crossBorder");
    private static final Set<String> INTEGER_FIELDS = Set.of("victimCount");

    private TipDocuments() {}

    /**
     * Builds the document for a newly accepted tip. The calling number is kept as a keyed hash, so repeat
     * callers can be recognised without storing who called; the number itself ({@code callerNumber}) only
     * when the caller consented to a callback (the caller of this method encrypts it with the other personal
     * values before the document is written anywhere). A callback consent is not effective when a child is
     * involved: calling back a number a child used may put the child at risk, so it takes an operator's
     * recorded decision ({@code callbackEffective}). When the caller reports immediate danger (the danger key),
     * the number is also kept as {@code dangerCallerNumber}, for the pathway's immediate-danger override alone.
     */
    public static Document newTip(String tipId, String reference, String pinHash, String callerHash,
            String callerNumber, CapturedTip capture, Instant receivedAt, String nodeId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Object> consentRecords = new LinkedHashMap<>();
        capture.answers().forEach((name, value) -> {
            if (name.startsWith("consent.")) {
                // consent.<purpose>.<detail>: what wording, in which language, the caller consented to
                String[] parts = name.split("\\.", 3);
                if (parts.length == 3) {
                    ((Document) consentRecords.computeIfAbsent(parts[1], p -> new Document())).append(parts[2], value);
                }
            } else {
                // MongoDB field names must not carry dots; flows use plain names, so this only guards odd input.
                fields.put(name.replace('.', '_').replace('$', '_'), typed(name, value));
            }
        });
        if (capture.language() != null) {
            fields.putIfAbsent("language", capture.language());
        }
        boolean callbackConsent = Boolean.TRUE.equals(capture.consents().get("callback"));
        Document doc = new Document("_id", tipId)
                .append("reference", reference)
                .append("pinHash", pinHash)
                .append("receivedAt", Date.from(receivedAt))
                .append("source", "ivr")
                .append("callId", capture.callId())
                .append("callerHash", callerHash)
                .append("outcome", capture.outcome().name())
                .append("lastNode", capture.lastNode())
                .append("flowVersion", capture.flowVersion())
                .append("recording", capture.recording())
                .append("callStartedAt", date(capture.startedAt()))
                .append("callEndedAt", date(capture.endedAt()))
                .append("fields", new Document(fields))
                .append("consents", new Document(new LinkedHashMap<>(capture.consents())))
                .append("consentRecords", new Document(consentRecords))
                .append("callbackEffective", callbackConsent && !Boolean.TRUE.equals(fields.get("childInvolved")))
                .append("status", "RECEIVED")
                .append("routed", false)
                .append("node", nodeId);
        if (callbackConsent && callerNumber != null && !callerNumber.isBlank()) {
            doc.append("callerNumber", callerNumber);
        }
        if (Boolean.TRUE.equals(fields.get("immediateDanger")) && callerNumber != null && !callerNumber.isBlank()) {
            // kept (encrypted) for one purpose: a pathway's immediate-danger override may give it to the police
            // through the disclosure function; never shown for callbacks
            doc.append("dangerCallerNumber", callerNumber);
        }
        return doc;
    }

    static Object typed(String name, String value) {
        if (value == null) {
            return null;
        }
        if (BOOLEAN_FIELDS.contains(name)) {
            return Boolean.parseBoolean(value) || "1".equals(value) || "yes".equalsIgnoreCase(value);
        }
        if (INTEGER_FIELDS.contains(name)) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return value;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
