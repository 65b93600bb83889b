package org.hotline.ivr.server.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Counts calls: tracks every open connection, admits up to the capacity once a connection's agi_ block is
 * complete (a connection that has sent nothing yet is not a call), and lets a stop wait for them.
 */
final class Admission {

    private final int capacity;
    private final Semaphore permits;
    private final Set<CallSocket> open = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    Admission(int capacity) {
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
    }

    /** Registers a connection just accepted; it is not a call yet. */
    void open(CallSocket socket) {
        open.add(socket);
    }

    /** Says whether a connection whose agi_ block is complete gets a place among the admitted calls. */
    boolean admit() {
        return permits.tryAcquire();
    }

    void close(CallSocket socket, boolean admitted) {
        if (admitted) {
            permits.release();
        }
        open.remove(socket);
        lock.lock();
        try {
            if (open.isEmpty()) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    int activeCalls() {
        return capacity - permits.availablePermits();
    }

    /** Waits until no connection is open; true when that happened within the time given. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (!open.isEmpty() && remaining > 0) {
                remaining = idle.awaitNanos(remaining);
            }
            return open.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Calls {@code action} with every connection open now (for the {@link ReadWatchdog}). */
    void forEachOpen(Consumer<CallSocket> action) {
        open.forEach(action);
    }

    /** Closes every connection still open, ending their calls. */
    void closeAll() {
        for (CallSocket socket : open) {
            try {
                socket.close();
            } catch (java.io.IOException e) {
                // already gone; nothing left to end
            }
        }
    }
}
