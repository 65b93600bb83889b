package org.hotline.ivr.server.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ends the reads that have waited for Asterisk longer than the read timeout ({@code HOTLINE_AGI_READ_TIMEOUT}),
 * for every open connection, from one thread: each call's reads arm no timer of their own (see
 * {@link SocketLines}). A read is ended at most one scan period after its timeout: a tenth of the timeout, between
 * 10 ms and 1 s.
 */
final class ReadWatchdog implements AutoCloseable {

    static final Duration MIN_PERIOD = Duration.ofMillis(10);
    static final Duration MAX_PERIOD = Duration.ofSeconds(1);

    private final Consumer<Consumer<CallSocket>> openSockets;
    private final ScheduledExecutorService scan = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("agi-read-watch").daemon(true).factory());

    /** @param openSockets calls its argument with every open connection (see {@link Admission#forEachOpen}) */
    ReadWatchdog(Consumer<Consumer<CallSocket>> openSockets) {
        this.openSockets = openSockets;
    }

    /** How often the watchdog looks, for a read timeout of {@code timeout}. */
    static Duration period(Duration timeout) {
        Duration tenth = timeout.dividedBy(10);
        return tenth.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : tenth.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD : tenth;
    }

    /** Starts scanning every {@link #period} of {@code timeout}. */
    ReadWatchdog start(Duration timeout) {
        long every = period(timeout).toMillis();
        scan.scheduleWithFixedDelay(this::scanOnce, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look at every open connection: ends each read that has waited longer than its timeout. */
    private void scanOnce() {
        long now = System.nanoTime();
        openSockets.accept(socket -> socket.expireIfWaitingSince(now));
    }

    @Override
    public void close() {
        scan.shutdownNow();
    }
}
