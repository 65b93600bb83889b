package org.hotline.core.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.tip.CaseFile;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Routing;

/**
 * New information about a tip for agencies that already have its referral (an operator completed the intake
 * form after the IVR's partial report, or escalated it as an emergency). The referral itself never changes;
 * the update is an outbox entry of its own, {@code <referralId>:update-<revision>} with {@code kind: update},
 * carrying what the one disclosure function ({@link CaseDisclosure}) allows that agency of the case as it is
 * now, at the priority the pathway now gives. One update per agency and revision: sending the same revision
 * again adds nothing. Updates need no acknowledgement of their own (the referral's deadline still runs).
 */
public final class ReferralUpdates {

    /** Value of {@code kind} on an update's outbox entry. */
    public static final String KIND = "update";

    private final ReferralOutbox outbox;
    private final MongoReferralStore store;
    private final Clock clock;

    ReferralUpdates(ReferralOutbox outbox, MongoReferralStore store, Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Queues revision {@code revision} of the case for each recipient of {@code routing} in {@code agencies}
     * that has a referral of the tip; returns the update ids (new or existing).
     */
    public List<String> send(CaseFile file, int revision, Routing routing, Pathway pathway, Set<String> agencies) {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be positive");
        }
        Instant now = clock.instant();
        List<Document> drafts = new ArrayList<>();
        for (Recipient recipient : routing.recipients()) {
            String baseId = ReferralService.referralId(file.tipId(), recipient.agencyId());
            Optional<Agency> agency = pathway.agency(recipient.agencyId());
            if (!agencies.contains(recipient.agencyId()) || agency.isEmpty() || store.find(baseId).isEmpty()) {
                continue;
            }
            CaseDisclosure.Cut cut = CaseDisclosure.forRecipient(pathway, recipient, file);
            ReferralDrafts.Terms terms = new ReferralDrafts.Terms(recipient.priority(), recipient.acknowledgeWithin(),
                    recipient.escalationChain(), recipient.matchedRules(), routing.pathwayId(),
                    routing.pathwayVersion(), routing.fallbackUsed());
            Document update = ReferralDrafts.draft(baseId + ":update-" + revision, file, agency.get(), cut, terms, now)
                    .append("kind", KIND).append("updateOf", baseId).append("revision", revision);
            update.get("payload", Document.class).append("update", true).append("revision", revision);
            update.remove("ackDeadline");
            drafts.add(update);
        }
        outbox.add(drafts);
        return drafts.stream().map(d -> d.getString("_id")).toList();
    }
}
