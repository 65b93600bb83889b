package org.hotline.core.referral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.crypto.PayloadSeal;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.pathway.Recipient;

/**
 * The only way a referral enters the outbox, whoever drafted it (routing, an update, a reassign, an
 * escalation): the payload is sealed, the referral inserted unless it exists (ids are deterministic, so a
 * repeat adds nothing), every consent override it carries audited, and the listeners told — dispatch takes
 * new referrals at once, and the duty-officer ring hangs here, so every IMMEDIATE referral rings whoever
 * created it.
 */
public final class ReferralOutbox {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReferralOutbox.class);
    /** Failed inserts remembered at most (a long outage); beyond this a repeat tells of none it finds stored. */
    private static final int MAX_UNCONFIRMED = 10_000;

    private final MongoReferralStore store;
    private final HotlineMetrics metrics;
    private final List<Consumer<List<Created>>> listeners = new CopyOnWriteArrayList<>();
    private volatile Sender sender = Sender.NONE;
    private final PayloadSeal seal;
    private final AuditLog audit;
    /**
     * Ids of referrals whose insert failed: MongoDB may hold them without anyone told (dispatch, the duty ring).
     * When a repeat finds one stored, it counts as created by that repeat.
     */
    private final Set<String> unconfirmed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param seal encrypts the personal values of every payload stored (readers open them with the same seal)
     * @param audit receives every consent override a new referral carries
     */
    ReferralOutbox(MongoReferralStore store, HotlineMetrics metrics, PayloadSeal seal, AuditLog audit) {
        this.store = java.util.Objects.requireNonNull(store, "store");
        this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
        this.seal = java.util.Objects.requireNonNull(seal, "seal");
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
    }

    /**
     * A referral the outbox just took, as its listeners see it.
     *
     * @param priorityRank lower is more urgent
     */
    public record Created(String id, String reference, String agencyId, Recipient.Priority priority,
            int priorityRank) {

        static Created of(Document referral) {
            return new Created(referral.getString("_id"), referral.getString("reference"),
                    referral.getString("agencyId"), Recipient.Priority.valueOf(referral.getString("priority")),
                    referral.getInteger("priorityRank", Integer.MAX_VALUE));
        }
    }

    /**
     * The node's sender of new referrals (its dispatch worker). It may lease drafts to itself as they are
     * inserted, so that it sends them at once without claiming them in a round trip of their own.
     */
    interface Sender {
        Sender NONE = new Sender() {
            @Override
            public List<Document> lease(List<Document> drafts) {
                return drafts;
            }

            @Override
            public void take(List<Document> inserted) {}

            @Override
            public void giveBack(List<Document> inserting) {}
        };

        /** The drafts as they are to be inserted: unchanged, or leased to this node's sender. */
        List<Document> lease(List<Document> drafts);

        /** The referrals just inserted, as inserted (leased or PENDING); never repeats. */
        void take(List<Document> inserted);

        /**
         * The drafts of an insert that failed, as {@link #lease} gave them: some may be stored all the same (MongoDB
         * wrote them and its answer was lost), under leases no thread holds; those leases are to be given back.
         */
        void giveBack(List<Document> inserting);
    }

    void sendWith(Sender sender) {
        this.sender = java.util.Objects.requireNonNull(sender, "sender");
    }

    /** Tells {@code listener} of the referrals each call of {@link #add} inserted (never of repeats). */
    public void onCreated(Consumer<List<Created>> listener) {
        listeners.add(listener);
    }

    PayloadSeal seal() {
        return seal;
    }

    /**
     * Stores the drafts (plain payloads, sealed here) that do not exist yet, in one round trip.
     *
     * @return the ids inserted
     */
    Set<String> add(List<Document> drafts) {
        List<Document> sealed = sender.lease(drafts.stream().map(this::sealed).toList());
        Set<String> inserted;
        try {
            inserted = store.insertAllAbsent(sealed);
        } catch (RuntimeException e) {
            // A repeat of this call skips what was stored, so a leased referral stored now would wait for its
            // lease to run out (minutes, a danger referral too) before the outbox poll sent it, and nobody would
            // be told of it: its leases go back now, and a repeat that finds it stored tells of it then.
            sender.giveBack(sealed);
            if (unconfirmed.size() < MAX_UNCONFIRMED) {
                sealed.forEach(d -> unconfirmed.add(d.getString("_id")));
            }
            throw e;
        }
        List<Document> created = new ArrayList<>();
        for (Document d : sealed) {
            String id = d.getString("_id");
            if (inserted.contains(id)) {
                unconfirmed.remove(id);
                created.add(d);
            } else if (unconfirmed.remove(id)) {
                // stored by the failed try, under a lease given back since: claimed by id like any PENDING one
                created.add(MongoReferralStore.pendingDraft(d));
            }
        }
        for (Document doc : created) {
            metrics.referralCreated(doc.getString("agencyId"));
            metrics.referralState(ReferralState.PENDING.name(), doc.getString("channel"), doc.getString("agencyId"));
            auditOverrides(doc);
        }
        if (!created.isEmpty()) {
            try {
                sender.take(created);
            } catch (RuntimeException e) {
                // each is stored: the outbox poll sends it (a leased one once its lease has run out)
                LOG.error("Dispatch could not take new referrals of tips {}: {}",
                        created.stream().map(d -> d.getString("reference")).distinct().toList(), e.toString());
            }
            List<Created> told = created.stream().map(Created::of).toList();
            // What is stored stays stored: a listener that fails (the duty ring while MongoDB blinks) must neither
            // undo nor block the others, and a repeat of this call would not tell them again.
            for (Consumer<List<Created>> listener : listeners) {
                try {
                    listener.accept(told);
                } catch (RuntimeException e) {
                    LOG.error("A listener of new referrals failed for tips {}: {}",
                            created.stream().map(d -> d.getString("reference")).distinct().toList(), e.toString());
                }
            }
        }
        return inserted;
    }

    /**
     * Re-cuts a referral that has not gone out yet with {@code draft}'s payload (the case changed: data removed,
     * consent withdrawn, danger flagged); audits the overrides it now carries. False when it went out meanwhile.
     */
    boolean recut(Document draft, java.time.Instant now) {
        Document sealed = sealed(draft);
        boolean replaced = store.replacePayloadIfUndelivered(sealed.getString("_id"), sealed.get("payload", Document.class),
                sealed.getList("withheld", String.class, List.of()),
                sealed.getList("consentOverrides", Document.class, List.of()),
                sealed.getList("matchedRules", String.class, List.of()), now);
        if (replaced) {
            auditOverrides(sealed);
        }
        return replaced;
    }

    private Document sealed(Document draft) {
        Document payload = draft.get("payload", Document.class);
        return payload == null ? draft : new Document(draft).append("payload", seal.seal(draft.getString("tipId"), payload));
    }

    private void auditOverrides(Document referral) {
        for (Document o : referral.getList("consentOverrides", Document.class, List.of())) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("agencyId", referral.getString("agencyId"));
            details.put("tipId", referral.getString("tipId"));
            details.put("referralId", referral.getString("_id"));
            for (String k : List.of("ruleId", "field", "consentPurpose", "condition", "reason")) {
                details.put(k, String.valueOf(o.get(k)));
            }
            audit.record(new AuditEvent("system", "referral.consent_override", referral.getString("reference"), details));
        }
    }
}
