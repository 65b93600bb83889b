package org.hotline.core.tip;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;

/** Reads of stored tips for the features that show them; a person's read is audited. */
public final class TipQueries {

    /**
     * Where a tip's referral to one agency stands, as the referral itself says (the tip keeps no copy of it).
     *
     * @param deliveredAt when it reached the agency; null until it did
     */
    public record ReferralState(String state, Instant deliveredAt) {}

    private final TipRepository tips;
    private final AuditLog audit;
    private final Function<String, Map<String, ReferralState>> referralStates;

    /**
     * Reads for code that audits them itself and shows no referral (e.g. the call pop, which the live feature
     * audits); {@link #referralStates} is refused.
     */
    public TipQueries(TipRepository tips) {
        this(tips, event -> { }, tipId -> {
            throw new IllegalStateException("this reader of tips was given no referrals to read");
        });
    }

    /**
     * Reads that {@link #readBy} records in {@code audit}.
     *
     * @param referralStates a tip's referrals by agency (the referral feature's {@code ReferralQueries::statesOf})
     */
    public TipQueries(TipRepository tips, AuditLog audit, Function<String, Map<String, ReferralState>> referralStates) {
        this.tips = tips;
        this.audit = audit;
        this.referralStates = referralStates;
    }

    /**
     * Where each of tip {@code tipId}'s referrals stands, by agency id (the referral sent to the agency, not the
     * updates sent after it). Read from the referrals each time: dispatch writes a referral's state on the
     * referral alone. Blocking.
     */
    public Map<String, ReferralState> referralStates(String tipId) {
        return referralStates.apply(tipId);
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
