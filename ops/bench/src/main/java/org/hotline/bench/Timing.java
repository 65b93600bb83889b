package org.hotline.bench;

import java.util.concurrent.locks.LockSupport;

/** Waiting until a moment on the {@link System#nanoTime()} clock, for steady rates and ramps. */
public final class Timing {

    private Timing() {}

    public static void parkUntil(long deadlineNanos) {
        long wait;
        while ((wait = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
