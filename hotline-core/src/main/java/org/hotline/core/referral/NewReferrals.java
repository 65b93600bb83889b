package org.hotline.core.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.bson.Document;
import org.hotline.core.referral.internal.AgencyCircuits;
import org.hotline.core.referral.internal.FreshReferrals;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.storage.MongoOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The referrals this node has just created, on their way to its dispatch threads without a search of the outbox
 * (which costs a read of every due referral on a store without secondary indexes): leased to the node as they
 * are inserted while a thread is idle to send each (the most urgent first), the others claimed by id.
 */
final class NewReferrals implements ReferralOutbox.Sender {

    private static final Logger LOG = LoggerFactory.getLogger(NewReferrals.class);
    /** New referrals kept for a claim by id; beyond this they wait for the outbox poll (at most one interval). */
    private static final int CAPACITY = 10_000;

    private final MongoReferralStore store;
    private final DispatchConfig config;
    private final AgencyCircuits circuits;
    private final Clock clock;
    /** Dispatch threads running and not in an attempt (0 while the threads are stopped). */
    private final IntSupplier idleThreads;
    /** Wakes as many idle dispatch threads as it is given referrals. */
    private final IntConsumer signal;
    private final FreshReferrals fresh = new FreshReferrals(CAPACITY);
    /** Leases of a failed insert still to give back (MongoDB did not answer the first try either). */
    private final Queue<Document> toGiveBack = new ConcurrentLinkedQueue<>();

    NewReferrals(MongoReferralStore store, DispatchConfig config, AgencyCircuits circuits, Clock clock,
            IntSupplier idleThreads, IntConsumer signal) {
        this.store = store;
        this.config = config;
        this.circuits = circuits;
        this.clock = clock;
        this.idleThreads = idleThreads;
        this.signal = signal;
    }

    /**
     * Leases new referrals to this node as they are inserted, as many as it has idle threads to send them at once
     * (the most urgent first), and only to agencies whose circuit is closed: the claim is then part of the insert,
     * not a round trip of its own (a claim was a third of the time from a saved tip to the agency on the embedded
     * store, docs/BENCHMARKS.md). A leased referral goes out as soon as a claimed one would, so it is never held
     * from a re-cut (the case changed) longer than before, and a node that dies holds few leases. Drafts beyond
     * the idle threads are inserted PENDING and claimed by id when a thread frees up, so under a backlog a
     * referral waiting in the queue can still be re-cut.
     */
    @Override
    public List<Document> lease(List<Document> drafts) {
        int idle = idleThreads.getAsInt() - fresh.size();
        if (idle <= 0) {
            return drafts;
        }
        Instant now = clock.instant();
        Set<String> open = circuits.open(now);
        // the most urgent drafts to agencies that answer, as many as there are idle threads
        Set<Document> leased = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        drafts.stream().filter(d -> !open.contains(d.getString("agencyId")))
                .sorted(java.util.Comparator.comparingInt(d -> d.getInteger("priorityRank", Integer.MAX_VALUE)))
                .limit(idle).forEach(leased::add);
        List<Document> out = new ArrayList<>(drafts.size());
        for (Document d : drafts) {
            out.add(leased.contains(d) ? MongoReferralStore.leasedDraft(d, config.nodeId(), UUID.randomUUID().toString(),
                    now, now.plus(config.leaseDuration())) : d);
        }
        return out;
    }

    /** Takes referrals just inserted: the leased ones are sent as inserted, the others claimed by id. */
    @Override
    public void take(List<Document> inserted) {
        for (Document referral : inserted) {
            if (config.nodeId().equals(referral.getString("leaseOwner"))) {
                fresh.offerLeased(referral);
            } else {
                fresh.offer(referral.getString("_id"), referral.getString("agencyId"),
                        referral.getInteger("priorityRank", Integer.MAX_VALUE));
            }
        }
        signal.accept(inserted.size());
    }

    /**
     * The most urgent new referral, claimed for this node (its lease token in {@code leaseToken}); empty when none
     * is left. Referrals to agencies whose circuit is open are left PENDING for the outbox poll, and those
     * another thread or node has already are skipped.
     */
    Optional<Document> claimNext() {
        FreshReferrals.Fresh next;
        while ((next = fresh.poll()) != null) {
            Instant now = clock.instant();
            if (circuits.open(now).contains(next.agencyId())) {
                if (next.leased() != null) {
                    store.release(next.id(), next.leased().getString("leaseToken"), now);
                }
                continue;
            }
            String token = UUID.randomUUID().toString();
            Optional<Document> claimed = next.leased() == null
                    ? store.claim(next.id(), config.nodeId(), token, now, now.plus(config.leaseDuration()))
                    : leased(next.leased(), token, now);
            if (claimed.isPresent()) {
                return claimed;
            }
        }
        return Optional.empty();
    }

    /**
     * A referral leased to this node at insert, as stored: sent under that lease while it has time for a whole
     * attempt left, else under a renewed one ({@code token}); empty when the lease was lost meanwhile.
     */
    private Optional<Document> leased(Document referral, String token, Instant now) {
        Instant until = referral.getDate("leaseUntil").toInstant();
        if (until.isAfter(now.plus(config.connectTimeout()).plus(config.responseTimeout()))) {
            return Optional.of(store.asStored(referral));
        }
        return store.renew(referral.getString("_id"), referral.getString("leaseToken"), config.nodeId(), token, now,
                now.plus(config.leaseDuration()));
    }

    /**
     * Gives back the leases this node put on the drafts of an insert that failed: whichever of them MongoDB stored is
     * PENDING again, so the next outbox poll sends it instead of the one after its lease ran out. A lease that
     * cannot be given back now (MongoDB still away) is tried again at each poll ({@link #giveBackLeft}).
     */
    @Override
    public void giveBack(List<Document> inserting) {
        for (Document draft : inserting) {
            if (config.nodeId().equals(draft.getString("leaseOwner"))) {
                toGiveBack.add(draft);
            }
        }
        giveBackLeft();
    }

    /**
     * Gives back what {@link #giveBack} could not yet: each lease until a release finds its referral or the lease
     * runs out, since an insert whose answer was lost (a timeout) may still land after the first try.
     */
    void giveBackLeft() {
        for (Document draft : List.copyOf(toGiveBack)) {
            Instant now = clock.instant();
            boolean done;
            try {
                done = !draft.getDate("leaseUntil").toInstant().isAfter(now)
                        || store.release(draft.getString("_id"), draft.getString("leaseToken"), now);
            } catch (RuntimeException e) {
                MongoOutage.warnUnlessOutage(LOG, e, "Could not give back the lease of referral {} yet",
                        draft.getString("_id"));
                return;
            }
            if (done) {
                toGiveBack.remove(draft);
            }
        }
    }

    /** Gives back the leases of the referrals no thread took (the node stops), so any node sends them at once. */
    void releaseLeases() {
        FreshReferrals.Fresh left;
        while ((left = fresh.poll()) != null) {
            if (left.leased() != null) {
                try {
                    store.release(left.id(), left.leased().getString("leaseToken"), clock.instant());
                } catch (RuntimeException e) {
                    // the lease runs out by itself; then the outbox poll of any node sends the referral
                    MongoOutage.warnUnlessOutage(LOG, e, "Could not give back the lease of referral {}", left.id());
                }
            }
        }
    }
}
