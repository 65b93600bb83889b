package org.hotline.core.intake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.hotline.core.intake.internal.TipJournal;
import org.hotline.core.intake.internal.TipWriter;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.storage.MongoOutage;
import org.hotline.core.storage.MongoStore;
import org.hotline.ivr.IntakeUnavailableException;

/**
 * The tip journal's durability for other work that must outlive a MongoDB outage or a crash: each document
 * (with a unique {@code _id}) is appended and fsynced to its own journal, then handed in batches to {@code write}
 * on a writer thread, retried with back-off while MongoDB cannot be reached, and forgotten by the journal once
 * MongoDB holds the result. What a crash left is replayed at the next start, so {@code write} must be idempotent.
 * Personal values must be sealed before they are added.
 */
public final class JournaledQueue implements AutoCloseable {

    private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(5);
    private static final DocumentCodec CODEC = new DocumentCodec();

    private final String what;
    private final TipJournal journal;
    private volatile TipWriter<Document> writer;

    private JournaledQueue(String what, TipJournal journal) {
        this.what = what;
        this.journal = journal;
    }

    /**
     * Opens the journal in {@code dir}, recovering what a previous run left; nothing is written until
     * {@link #start}.
     *
     * @param what names the writer thread and its MongoDB operation in the metrics, e.g. {@code call_record}
     */
    public static JournaledQueue open(String what, Path dir) {
        return new JournaledQueue(what, TipJournal.open(dir));
    }

    /** As {@link #open} and {@link #start} at once. */
    public static JournaledQueue open(String what, Path dir, MongoStore store, Consumer<List<Document>> write,
            HotlineMetrics metrics) {
        return open(what, dir).start(store, write, metrics);
    }

    /**
     * A writer for {@link #start} that stores each document into {@code into} only if its {@code _id} is absent, in
     * one round trip per batch: a replay, or a document a failed write did store, changes nothing.
     */
    public static Consumer<List<Document>> insertAllAbsent(com.mongodb.client.MongoCollection<Document> into) {
        return documents -> {
            if (!documents.isEmpty()) {
                into.bulkWrite(documents.stream().<com.mongodb.client.model.WriteModel<Document>>map(d ->
                        new com.mongodb.client.model.UpdateOneModel<>(com.mongodb.client.model.Filters.eq("_id",
                                d.getString("_id")), new Document("$setOnInsert", d),
                                new com.mongodb.client.model.UpdateOptions().upsert(true))).toList(),
                        new com.mongodb.client.model.BulkWriteOptions().ordered(false));
            }
        };
    }

    /** Starts writing with {@code write} (idempotent: a batch may come again), first what a previous run left. */
    public synchronized JournaledQueue start(MongoStore store, Consumer<List<Document>> write, HotlineMetrics metrics) {
        if (writer != null) {
            throw new IllegalStateException(what + " journal already started");
        }
        TipWriter<Document> started = new TipWriter<>(what, store, write, d -> d.getString("_id"), journal,
                batch -> { }, metrics);
        started.start();
        journal.unconfirmed().forEach(bson -> started.submit(new RawBsonDocument(bson).decode(CODEC)));
        writer = started;
        return this;
    }

    /**
     * Makes {@code document} durable (fsync) and queues it for writing; returns once it is on disk.
     *
     * @throws IntakeUnavailableException when the journal cannot make it durable
     */
    public void add(Document document) {
        try {
            journal.append(document.getString("_id"), bson(document)).get(APPEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IntakeUnavailableException("the journal could not make it durable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("interrupted while journaling", e);
        }
        if (writer == null) {
            throw new IllegalStateException(what + " journal not started");
        }
        writer.submit(document);
    }

    private static byte[] bson(Document document) {
        java.nio.ByteBuffer buffer = new RawBsonDocument(document, CODEC).getByteBuffer().asNIO();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** Documents added and not yet held by MongoDB (for {@link MongoOutage#backlog}). */
    public int backlog() {
        return journal.backlog();
    }

    /** Stops the writer (what is left stays in the journal for the next start) and closes the journal. */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
        journal.close();
    }
}
