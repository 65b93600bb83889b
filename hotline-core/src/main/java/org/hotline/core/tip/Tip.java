package org.hotline.core.tip;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored tip, its personal values decrypted: what the caller (or the operator) reported, the consents given,
 * and where it stands. Read and written only through {@link TipRepository}, which alone knows the stored
 * layout and encrypts personal values.
 *
 * @param fields the canonical report fields (exploitation type, region, flags, free text, ...)
 * @param callerNumber the calling number, kept only with callback consent; null otherwise
 * @param recording where the caller's recorded message is, when they consented to recording; null otherwise
 * @param flowVersion the IVR flow that captured the call ({@code hotline@1}), or null for an operator's tip
 * @param afterHours what the hotline owes a tip received while operators were closed, or null
 * @param dangerCallerNumber the calling number of a call that reported immediate danger, kept for the pathway's
 *     immediate-danger override only: it reaches the case file (and so, through the disclosure function, an
 *     agency whose rule overrides consent for it) while the tip flags immediate danger; null otherwise
 */
public record Tip(
        String id,
        String reference,
        Instant receivedAt,
        String source,
        String outcome,
        TipStatus status,
        Map<String, Object> fields,
        Map<String, Boolean> consents,
        String callerNumber,
        String recording,
        boolean callbackEffective,
        boolean legalHold,
        boolean purged,
        String lastNode,
        String routingNote,
        String pathwayVersion,
        List<RoutedTo> recipients,
        String flowVersion,
        AfterHoursCare afterHours,
        String dangerCallerNumber) {

    public Tip {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        consents = Map.copyOf(consents);
        recipients = List.copyOf(recipients);
    }

    /** One recipient the pathway routed the tip to. */
    public record RoutedTo(String agencyId, String profile, String priority, List<String> matchedRules) {}

    /**
     * A tip received while operators were closed: whether and by when a supervisor must look at it (in opening
     * hours) and why, and from when its consented callback may be made (inside the caller's safe window, at the
     * next opening).
     *
     * @param reviewDue the review deadline, or null when no person needs to look at it
     * @param reasons why a person must look at it ({@code no_report}, {@code person_requested})
     * @param callbackAfter the earliest callback time, or null without an effective callback consent
     */
    public record AfterHoursCare(Instant reviewDue, List<String> reasons, Instant callbackAfter) {
        public AfterHoursCare {
            reasons = List.copyOf(reasons);
        }
    }

    /** The flow id that captured the call ({@code hotline} of {@code hotline@1}), or null. */
    public String flowId() {
        return flowVersion == null ? null : flowVersion.replaceFirst("@.*$", "");
    }

    /** The case file the disclosure function cuts agencies' payloads from. */
    public CaseFile caseFile() {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("reference", reference);
        if (receivedAt != null) {
            all.put("receivedAt", java.util.Date.from(receivedAt));
        }
        all.put(org.hotline.pathway.TipFields.CONSENTS, new LinkedHashMap<>(consents));
        if (callerNumber != null) {
            all.putIfAbsent("callerPhone", callerNumber);
        }
        if (dangerCallerNumber != null && Boolean.TRUE.equals(flag("immediateDanger"))) {
            all.putIfAbsent("callerPhone", dangerCallerNumber);
        }
        if (recording != null) {
            all.putIfAbsent("recording", recording);
        }
        return new CaseFile(id, reference, source, outcome, all);
    }

    /** A report field as text, or null. */
    public String text(String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    /** A yes/no report field: null when not asked. */
    public Boolean flag(String field) {
        return fields.get(field) instanceof Boolean b ? b : null;
    }
}
