package org.hotline.core.intake.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local append-only journal that makes a tip (or other work, as BSON with an {@code _id}) durable before MongoDB
 * has it. Appends are group-committed:
 * one writer thread writes every waiting record and fsyncs once for the batch, then completes the callers'
 * futures. A tip stays "unconfirmed" until {@link #confirm} says MongoDB holds it durably; unconfirmed tips
 * are returned by {@link #unconfirmed()} after a restart so that they can be written again (idempotently).
 *
 * <p>Records are laid out by {@link JournalRecords}. A torn record at the end of
 * the newest segment (a crash mid-write) is cut off at open; everything before it is intact.
 */
public final class TipJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TipJournal.class);
    private static final long SEGMENT_BYTES = 8L * 1024 * 1024;
    private static final Pending STOP = new Pending(null, false, null);

    private final Path dir;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** tip id → segment number, for tips not yet confirmed. Guarded by {@code this}. */
    private final Map<String, Long> unconfirmedSegment = new HashMap<>();
    private final Map<Long, Integer> unconfirmedPerSegment = new HashMap<>();
    private final List<byte[]> recovered;
    private FileChannel channel;
    private long segment;
    private volatile boolean closed;

    private TipJournal(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        List<Long> oldSegments = existingSegments();
        this.recovered = recover(oldSegments);
        openSegment(segment + 1);
        carryOver(oldSegments);
        this.writer = Thread.ofPlatform().name("tip-journal-writer").daemon(true).start(this::writeLoop);
    }

    /** Opens (creating if needed) the journal in {@code dir}, recovering what a previous run left. */
    public static TipJournal open(Path dir) {
        try {
            return new TipJournal(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the tip journal in " + dir, e);
        }
    }

    /** Appends a document (BSON whose {@code _id} is {@code id}); the future completes once it is on disk (fsync). */
    public CompletableFuture<Void> append(String id, byte[] bson) {
        return enqueue(new Pending(JournalRecords.tip(bson), true, id));
    }

    /** Marks a tip as durably stored in MongoDB. Not fsynced: losing a confirmation only causes a replay. */
    public void confirm(String tipId) {
        enqueue(new Pending(JournalRecords.confirm(tipId), false, tipId));
    }

    /** Documents (BSON) found on disk at open that were never confirmed, in journal order. */
    public List<byte[]> unconfirmed() {
        return recovered;
    }

    /** Number of tips appended and not yet confirmed. */
    public synchronized int backlog() {
        return unconfirmedSegment.size();
    }

    public boolean isOpen() {
        return !closed && writer.isAlive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            writer.join(5_000);
            channel.force(false);
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("Closing the tip journal failed", e);
        }
    }

    private CompletableFuture<Void> enqueue(Pending pending) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("journal closed"));
        }
        queue.add(pending);
        return pending.done;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            boolean stop = batch.remove(STOP);
            writeBatch(batch);
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void writeBatch(List<Pending> batch) {
        try {
            boolean sync = false;
            for (Pending p : batch) {
                ByteBuffer buffer = ByteBuffer.wrap(p.bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                sync |= p.sync;
            }
            if (sync) {
                channel.force(false);
            }
            List<Long> emptied = track(batch);
            batch.forEach(p -> p.done.complete(null));
            for (long s : emptied) {
                Files.deleteIfExists(segmentPath(s));
            }
            if (channel.size() > SEGMENT_BYTES) {
                rotate();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Tip journal write failed", e);
            batch.forEach(p -> p.done.completeExceptionally(e));
        }
    }

    private void rotate() throws IOException {
        long full = segment;
        channel.close();
        openSegment(full + 1);
        boolean stillNeeded;
        synchronized (this) {
            stillNeeded = unconfirmedPerSegment.getOrDefault(full, 0) > 0;
        }
        if (!stillNeeded) {
            Files.deleteIfExists(segmentPath(full));
        }
    }

    /** Updates the unconfirmed bookkeeping and returns old segments that no longer hold anything needed. */
    private synchronized List<Long> track(List<Pending> batch) {
        for (Pending p : batch) {
            if (p.sync) {
                unconfirmedSegment.put(p.tipId, segment);
                unconfirmedPerSegment.merge(segment, 1, Integer::sum);
            } else {
                forget(p.tipId);
            }
        }
        List<Long> emptied = new ArrayList<>();
        unconfirmedPerSegment.forEach((s, n) -> {
            if (n == 0 && s != segment) {
                emptied.add(s);
            }
        });
        emptied.forEach(unconfirmedPerSegment::remove);
        return emptied;
    }

    private void forget(String tipId) {
        Long s = unconfirmedSegment.remove(tipId);
        if (s != null) {
            unconfirmedPerSegment.merge(s, -1, Integer::sum);
        }
    }

    private List<Long> existingSegments() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("segment-\\d+\\.log"))
                    .map(n -> Long.parseLong(n.substring(8, n.length() - 4)))
                    .sorted().toList();
        }
    }

    private List<byte[]> recover(List<Long> segments) throws IOException {
        Map<String, byte[]> tips = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            long s = segments.get(i);
            readSegment(s, i == segments.size() - 1, tips);
            segment = s;
        }
        if (!tips.isEmpty()) {
            LOG.info("Journal {} recovered {} record(s) not yet confirmed in MongoDB", dir.getFileName(), tips.size());
        }
        return List.copyOf(tips.values());
    }

    /**
     * Copies the recovered unconfirmed tips into the fresh segment (fsync) before deleting the old segments,
     * so that a second crash before they reach MongoDB still finds them.
     */
    private void carryOver(List<Long> oldSegments) throws IOException {
        for (byte[] tip : recovered) {
            channel.write(ByteBuffer.wrap(JournalRecords.tip(tip)));
            unconfirmedSegment.put(JournalRecords.id(tip), segment);
            unconfirmedPerSegment.merge(segment, 1, Integer::sum);
        }
        channel.force(true);
        for (long s : oldSegments) {
            Files.deleteIfExists(segmentPath(s));
        }
    }

    private void readSegment(long s, boolean newest, Map<String, byte[]> tips) throws IOException {
        Path path = segmentPath(s);
        byte[] data = Files.readAllBytes(path);
        int good = JournalRecords.replay(data, tips);
        if (good < data.length) {
            LOG.warn("Journal segment {} has a torn tail of {} bytes (crash mid-write); cutting it off",
                    path, data.length - good);
            if (newest) {
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    ch.truncate(good);
                    ch.force(true);
                }
            }
        }
    }

    private void openSegment(long number) throws IOException {
        segment = number;
        channel = FileChannel.open(segmentPath(number), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private Path segmentPath(long number) {
        return dir.resolve("segment-%012d.log".formatted(number));
    }

    private record Pending(byte[] bytes, boolean sync, String tipId, CompletableFuture<Void> done) {
        Pending(byte[] bytes, boolean sync, String tipId) {
            this(bytes, sync, tipId, new CompletableFuture<>());
        }
    }
}
