package org.hotline.core.referral.internal;

import java.util.Comparator;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Referrals this node has just created, most urgent first, then oldest: the worker sends them without
 * searching the outbox for due work. Only a shortcut: each one is in MongoDB, PENDING or leased to this node,
 * so anything this queue drops (it is bounded) or loses (the node dies) is found by the outbox poll (a lease
 * once it has run out).
 */
public final class FreshReferrals {

    /**
     * A new referral: its id, its agency (for open circuits), its priority rank (lower is more urgent), and when
     * it was inserted already leased to this node, the document as inserted (else null: it is claimed by id).
     */
    public record Fresh(String id, String agencyId, int priorityRank, long seq, Document leased) {}

    private static final Comparator<Fresh> URGENT_FIRST =
            Comparator.comparingInt(Fresh::priorityRank).thenComparingLong(Fresh::seq);

    private final int capacity;
    private final PriorityBlockingQueue<Fresh> queue = new PriorityBlockingQueue<>(64, URGENT_FIRST);
    private final AtomicLong seq = new AtomicLong();

    public FreshReferrals(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues a new referral; false (and nothing queued) when full, leaving it to the outbox poll. */
    public boolean offer(String id, String agencyId, int priorityRank) {
        if (queue.size() >= capacity) {
            return false;
        }
        return queue.offer(new Fresh(id, agencyId, priorityRank, seq.getAndIncrement(), null));
    }

    /**
     * Queues a referral inserted already leased to this node. Always taken, beyond the capacity too: its lease
     * would otherwise hold it from every node until it runs out (leases are only given while this queue is short).
     */
    public void offerLeased(Document leased) {
        queue.offer(new Fresh(leased.getString("_id"), leased.getString("agencyId"),
                leased.getInteger("priorityRank", Integer.MAX_VALUE), seq.getAndIncrement(), leased));
    }

    /** The most urgent queued referral, or null. */
    public Fresh poll() {
        return queue.poll();
    }

    public int size() {
        return queue.size();
    }
}
