package org.hotline.core.tip;

import java.util.Map;
import java.util.Optional;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;

/** Reads of stored tips for the features that show them; a person's read is audited. */
public final class TipQueries {

    private final TipRepository tips;
    private final AuditLog audit;

    /** Reads for code that audits them itself (e.g. the call pop, which the live feature audits). */
    public TipQueries(TipRepository tips) {
        this(tips, event -> { });
    }

    /** Reads that {@link #readBy} records in {@code audit}. */
    public TipQueries(TipRepository tips, AuditLog audit) {
        this.tips = tips;
        this.audit = audit;
    }

    /** A person's read of a tip, audited as {@code tip.read} whether or not the tip exists. Blocking. */
    public Optional<Tip> readBy(String userId, String reference) {
        Optional<Tip> tip = byReference(reference);
        audit.record(new AuditEvent(userId, "tip.read", reference, Map.of("found", String.valueOf(tip.isPresent()))));
        return tip;
    }

    public Optional<Tip> byReference(String reference) {
        return tips.byReference(reference);
    }

    /** The case file of tip {@code tipId} (what disclosure cuts agencies' payloads from), if it exists. */
    public Optional<CaseFile> caseFile(String tipId) {
        return tips.find(tipId).map(Tip::caseFile);
    }
}
