package org.hotline.core.stats.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes call records in batches on one background thread: a record waits up to {@code linger} for others, so
 * a busy node sends one round trip for many calls instead of one for each. Nobody waits for a call record (the
 * caller has hung up, statistics are read later), so the wait costs nothing and the batch saves the database
 * the most. What the queue cannot hold ({@code capacity}) is refused, and the caller of {@link #offer} says so.
 */
public final class CallRecordBatches implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallRecordBatches.class);
    private static final int MAX_BATCH = 1_000;

    private final BlockingQueue<Document> queue;
    private final Consumer<List<Document>> write;
    private final Duration linger;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param write writes a batch (MongoDB, or the journal while it is down); a failure loses the batch, logged
     */
    public CallRecordBatches(int capacity, Duration linger, Consumer<List<Document>> write) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.write = write;
        this.linger = linger;
        this.thread = Thread.ofPlatform().name("call-log-writer").daemon(true).start(this::loop);
    }

    /** Queues a record; false when closed or full. */
    public boolean offer(Document record) {
        return !closed && queue.offer(record);
    }

    /** Writes what is queued (for at most five seconds) and stops; later offers are refused. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            LOG.warn("Call log closed with {} records unwritten", queue.size());
        }
    }

    private void loop() {
        try {
            while (!closed || !queue.isEmpty()) {
                Document first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    writeBatch(collect(first));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Document> collect(Document first) throws InterruptedException {
        List<Document> batch = new ArrayList<>();
        batch.add(first);
        long until = System.nanoTime() + linger.toNanos();
        while (!closed && batch.size() < MAX_BATCH) {
            long left = until - System.nanoTime();
            Document next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        queue.drainTo(batch, MAX_BATCH - batch.size());
        return batch;
    }

    private void writeBatch(List<Document> batch) {
        try {
            write.accept(batch);
        } catch (RuntimeException e) {
            LOG.warn("{} call records not stored ({}); statistics will miss them", batch.size(), e.getMessage());
        }
    }
}
