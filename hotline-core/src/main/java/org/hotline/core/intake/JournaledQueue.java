package org.hotline.core.intake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.bson.Document;
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

    private final TipJournal journal;
    private final TipWriter writer;

    private JournaledQueue(TipJournal journal, TipWriter writer) {
        this.journal = journal;
        this.writer = writer;
    }

    /**
     * Opens the journal in {@code dir}, starts its writer and resubmits what a previous run left.
     *
     * @param what names the writer thread and its MongoDB operation in the metrics, e.g. {@code call_record}
     */
    public static JournaledQueue open(String what, Path dir, MongoStore store, Consumer<List<Document>> write,
            HotlineMetrics metrics) {
        TipJournal journal = TipJournal.open(dir);
        TipWriter writer = new TipWriter(what, store, write, journal, stored -> { }, metrics);
        writer.start();
        journal.unconfirmed().forEach(writer::submit);
        return new JournaledQueue(journal, writer);
    }

    /**
     * Makes {@code document} durable (fsync) and queues it for writing; returns once it is on disk.
     *
     * @throws IntakeUnavailableException when the journal cannot make it durable
     */
    public void add(Document document) {
        try {
            journal.append(document.getString("_id"), document).get(APPEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IntakeUnavailableException("the journal could not make it durable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("interrupted while journaling", e);
        }
        writer.submit(document);
    }

    /** Documents added and not yet held by MongoDB (for {@link MongoOutage#backlog}). */
    public int backlog() {
        return journal.backlog();
    }

    /** Stops the writer (what is left stays in the journal for the next start) and closes the journal. */
    @Override
    public void close() {
        writer.close();
        journal.close();
    }
}
