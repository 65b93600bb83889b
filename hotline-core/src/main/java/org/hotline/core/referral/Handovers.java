package org.hotline.core.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.tip.CaseFile;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient.Priority;

/**
 * Hands a case to an agency outside routing — a supervisor's reassign, an escalation along a referral's
 * chain — as a referral of its own whose payload is cut anew from the case file for that agency's profile
 * ({@link CaseDisclosure#forHandover}): never the payload, withheld fields or overrides of the referral it
 * comes from. What was disclosed and what was withheld is audited ({@code referral.disclosure}).
 */
public final class Handovers {

    /** Why a case is handed over. */
    public enum Kind { REASSIGN, ESCALATE }

    private final ReferralOutbox outbox;
    private final Function<String, Optional<CaseFile>> caseFiles;
    private final Supplier<Pathway> pathway;
    private final AuditLog audit;

    /**
     * @param caseFiles the case file of a tip id (decrypted), empty when the tip is gone (purged)
     * @param pathway the active pathway (the directory and profiles a handover is cut by)
     */
    public Handovers(ReferralOutbox outbox, Function<String, Optional<CaseFile>> caseFiles, Supplier<Pathway> pathway,
            AuditLog audit) {
        this.outbox = outbox;
        this.caseFiles = caseFiles;
        this.pathway = pathway;
        this.audit = audit;
    }

    /** Whether the active pathway gives {@code agencyId} any data-sharing profile (refers any case to it). */
    boolean hasProfile(String agencyId) {
        return !pathway.get().handoverAudience(agencyId, List.of()).profiles().isEmpty();
    }

    /** The seal the outbox stores personal values and staff free text under. */
    org.hotline.core.crypto.PayloadSeal seal() {
        return outbox.seal();
    }

    /** The agency of the active directory with that id. */
    public Optional<Agency> agency(String agencyId) {
        return pathway.get().agency(agencyId);
    }

    /**
     * Drafts and stores the referral of {@code original}'s case for {@code to}; returns the draft (stored now or
     * before: ids are deterministic).
     *
     * @param priority the new referral's priority, or null to keep the original's
     */
    Document handOver(Document original, Agency to, Kind kind, String actor, Priority priority, Instant now) {
        String tipId = original.getString("tipId");
        Pathway active = pathway.get();
        CaseFile file = caseFiles.apply(tipId).orElseGet(() -> new CaseFile(tipId, original.getString("reference"),
                null, null, Map.of("reference", original.getString("reference"))));
        List<String> caseRules = original.getList("matchedRules", String.class, List.of());
        CaseDisclosure.Cut cut = CaseDisclosure.forHandover(active, to.id(), caseRules, file);
        Priority p = priority != null ? priority : Priority.valueOf(original.getString("priority"));
        ReferralDrafts.Terms terms = new ReferralDrafts.Terms(p, window(original), chainAfter(original, to.id(), kind),
                caseRules, active.id(), active.version(), false);
        String id = ReferralService.referralId(tipId, to.id());
        Document draft = ReferralDrafts.draft(id, file, to, cut, terms, now).append("handedOverFrom", original.getString("_id"));
        if (!outbox.add(List.of(draft)).isEmpty()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
            details.put("from", original.getString("_id"));
            details.put("to", to.id());
            details.put("profile", cut.audience().profileName());
            details.put("fields", String.join(",", cut.disclosure().payload().keySet()));
            details.put("withheld", String.join(",", cut.disclosure().withheld()));
            audit.record(new AuditEvent(actor, "referral.disclosure", original.getString("reference"), details));
        }
        return draft;
    }

    /**
     * Who is next after {@code to} if it does not answer either: for an escalation the rest of the chain after
     * {@code to}; for a reassign the original's chain. Never {@code to} itself or the agency it came from.
     */
    static List<String> chainAfter(Document original, String to, Kind kind) {
        List<String> chain = original.getList("escalationChain", String.class, List.of());
        int from = kind == Kind.ESCALATE ? Math.max(chain.indexOf(to) + 1, original.getInteger("chainIndex", 0)) : 0;
        List<String> rest = new ArrayList<>();
        for (String step : chain.subList(Math.min(from, chain.size()), chain.size())) {
            if (!step.equals(to) && !step.equals(original.getString("agencyId")) && !rest.contains(step)) {
                rest.add(step);
            }
        }
        if (rest.isEmpty()) {
            rest.add("supervisor");
        }
        return rest;
    }

    private static Duration window(Document original) {
        Number millis = original.get("acknowledgeWithinMs", Number.class);
        return millis != null && millis.longValue() > 0 ? Duration.ofMillis(millis.longValue()) : Duration.ofHours(1);
    }
}
