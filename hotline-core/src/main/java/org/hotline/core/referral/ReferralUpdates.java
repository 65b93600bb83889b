package org.hotline.core.referral;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.crypto.PayloadSeal;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Disclosure;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Routing;

/**
 * New information about a tip for agencies that already have its referral (an operator completed the intake
 * form after the IVR's partial report, or escalated it as an emergency). The referral itself never changes;
 * the update is an outbox entry of its own, {@code <referralId>:update-<revision>} with {@code kind: update},
 * carrying what the agency's profile and the caller's consents allow of the tip as it is now, at the priority
 * the pathway now gives. One update per agency and revision: sending the same revision again adds nothing.
 * Updates need no acknowledgement of their own (the referral's deadline still runs).
 */
public final class ReferralUpdates {

    /** Value of {@code kind} on an update's outbox entry. */
    public static final String KIND = "update";

    private final MongoReferralStore store;
    private final HotlineMetrics metrics;
    private final Clock clock;
    private final Runnable wakeDispatch;
    private final PayloadSeal seal;

    public ReferralUpdates(MongoDatabase database, HotlineMetrics metrics, Clock clock, Runnable wakeDispatch) {
        this(database, metrics, clock, wakeDispatch, PayloadSeal.NONE);
    }

    /** As above, storing payloads under {@code seal} (see {@link ReferralService#sealWith}). */
    public ReferralUpdates(MongoDatabase database, HotlineMetrics metrics, Clock clock, Runnable wakeDispatch,
            PayloadSeal seal) {
        this.seal = seal;
        this.store = new MongoReferralStore(database);
        this.metrics = metrics;
        this.clock = clock;
        this.wakeDispatch = wakeDispatch;
    }

    /**
     * Queues revision {@code revision} of the tip for each recipient of {@code routing} in {@code agencies}
     * that has a referral of the tip; returns the update ids (new or existing).
     */
    public List<String> send(String tipId, int revision, Map<String, Object> tipFields, Routing routing,
            Pathway pathway, Set<String> agencies) {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be positive");
        }
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>();
        boolean anyNew = false;
        for (Recipient recipient : routing.recipients()) {
            if (!agencies.contains(recipient.agencyId())) {
                continue;
            }
            String baseId = ReferralService.referralId(tipId, recipient.agencyId());
            Optional<Document> base = store.find(baseId);
            Optional<Agency> agency = pathway.agency(recipient.agencyId());
            if (base.isEmpty() || agency.isEmpty()) {
                continue;
            }
            Disclosure disclosure = pathway.disclose(recipient, tipFields);
            String id = baseId + ":update-" + revision;
            Document update = ReferralInterventions.copyFor(base.get(), agency.get(), id, now)
                    .append("kind", KIND)
                    .append("updateOf", baseId)
                    .append("revision", revision)
                    .append("payload", seal.seal(tipId, new Document(new LinkedHashMap<>(disclosure.payload()))
                            .append("update", true).append("revision", revision)))
                    .append("withheld", disclosure.withheld())
                    .append("consentOverrides", disclosure.overrides().stream().map(o -> new Document("ruleId", o.ruleId())
                            .append("field", o.field()).append("consentPurpose", o.consentPurpose())
                            .append("condition", o.condition()).append("reason", o.reason())).toList())
                    .append("priority", recipient.priority().name())
                    .append("priorityRank", recipient.priority().ordinal())
                    .append("pathwayId", routing.pathwayId())
                    .append("pathwayVersion", routing.pathwayVersion())
                    .append("matchedRules", recipient.matchedRules());
            update.remove("ackDeadline");
            ids.add(id);
            if (store.insertIfAbsent(update)) {
                anyNew = true;
                metrics.referralCreated(recipient.agencyId());
            }
        }
        if (anyNew) {
            wakeDispatch.run();
        }
        return ids;
    }
}
