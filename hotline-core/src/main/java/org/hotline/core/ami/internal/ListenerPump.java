package org.hotline.core.ami.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.ami.AmiListener;
import org.hotline.core.metrics.HotlineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's bounded queue and worker thread. The reader thread only {@link #offer}s; when the queue is
 * full the new event is dropped for this listener alone and counted, so a stuck listener can neither stall the
 * socket reader nor starve the other listeners. Dropping the newest (not the oldest) keeps what the listener
 * already has consistent; the next {@link AmiEvent.Connected} after a reconnect is the point to resynchronise.
 */
final class ListenerPump {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerPump.class);

    private final String name;
    private final AmiListener listener;
    private final BlockingQueue<AmiEvent> queue;
    private final HotlineMetrics metrics;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread worker;

    ListenerPump(String name, AmiListener listener, int capacity, HotlineMetrics metrics) {
        this.name = name;
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.metrics = metrics;
        this.worker = Thread.ofVirtual().name("ami-listener-" + name).start(this::run);
    }

    void offer(AmiEvent event) {
        if (!queue.offer(event)) {
            long total = dropped.incrementAndGet();
            metrics.amiEventDropped(name);
            // a power of two keeps the log readable during a long stall
            if (Long.bitCount(total) == 1) {
                LOG.warn("AMI listener '{}' is behind; {} events dropped for it so far", name, total);
            }
        }
    }

    long dropped() {
        return dropped.get();
    }

    void close() {
        worker.interrupt();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            AmiEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("AMI listener '{}' failed on {}: {}", name, event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
