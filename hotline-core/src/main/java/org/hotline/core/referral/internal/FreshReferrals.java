package org.hotline.core.referral.internal;

import java.util.Comparator;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Referrals this node has just created, most urgent first, then oldest: the worker claims them by id instead
 * of searching the outbox for due work. Only a shortcut: each one is in MongoDB as PENDING, so anything this
 * queue drops (it is bounded) or loses (the node dies) is found by the outbox poll.
 */
public final class FreshReferrals {

    /** A new referral: its id, its agency (for open circuits) and its priority rank (lower is more urgent). */
    public record Fresh(String id, String agencyId, int priorityRank, long seq) {}

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
        return queue.offer(new Fresh(id, agencyId, priorityRank, seq.getAndIncrement()));
    }

    /** The most urgent queued referral, or null. */
    public Fresh poll() {
        return queue.poll();
    }

    public int size() {
        return queue.size();
    }
}
