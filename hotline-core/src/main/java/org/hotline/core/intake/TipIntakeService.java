package org.hotline.core.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.core.intake.internal.CounterFile;
import org.hotline.core.intake.internal.TipJournal;
import org.hotline.core.intake.internal.TipWriter;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.security.ServerKey;
import org.hotline.core.tip.NewTip;
import org.hotline.core.tip.SealedTip;
import org.hotline.core.tip.TipRepository;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.IntakeUnavailableException;
import org.hotline.ivr.TipIntake;
import org.hotline.ivr.TipReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable intake: a tip is accepted once it is fsynced in the local journal, and the caller hears the
 * reference then. The tip writer moves it into MongoDB behind the call (the caller never waits for the
 * database: while MongoDB is slow or down the journal holds the tip and the writer delivers it when MongoDB
 * returns; a crash before that is recovered by replaying the journal). Personal values are encrypted before
 * the tip is journaled, so neither the journal on disk nor MongoDB ever holds them in clear.
 */
public final class TipIntakeService implements TipIntake {

    private static final Logger LOG = LoggerFactory.getLogger(TipIntakeService.class);
    /** How long a caller may wait for the fsync before we give up and say we could not take the report. */
    private static final Duration JOURNAL_TIMEOUT = Duration.ofSeconds(5);

    private final TipJournal journal;
    private final TipWriter<SealedTip> writer;
    private final ReferenceCodec references;
    private final CounterFile counter;
    private final ServerKey key;
    private final HotlineMetrics metrics;
    private final Clock clock;
    private final String nodeId;
    private final TipRepository tips;
    private final SecureRandom random = new SecureRandom();

    public TipIntakeService(TipJournal journal, TipWriter<SealedTip> writer, ReferenceCodec references, CounterFile counter,
            ServerKey key, HotlineMetrics metrics, Clock clock, String nodeId, TipRepository tips) {
        this.journal = journal;
        this.writer = writer;
        this.references = references;
        this.counter = counter;
        this.key = key;
        this.metrics = metrics;
        this.clock = clock;
        this.nodeId = nodeId;
        this.tips = tips;
    }

    @Override
    public TipReceipt accept(CapturedTip capture) {
        return journal(capture, Map.of("source", "ivr")).receipt();
    }

    /**
     * Accepts a tip that came by text ({@code source} {@code sms} or {@code chat}) exactly as a call's: the
     * sender stands where the calling number does (hashed unless the sender consented to a callback).
     */
    public TipReceipt accept(String source, CapturedTip capture) {
        return journal(capture, Map.of("source", source)).receipt();
    }

    /**
     * Accepts a tip from another source than the IVR the same way (journaled, written, routed), with extra
     * top-level values: the console's intake form gives {@code source: operator} and who took the call.
     * Personal values belong in the capture, where they are encrypted, never in {@code extra}.
     *
     * <p>Unlike a caller, the operator reads the tip back at once (the next save of the form, their list of
     * tips), so this also waits up to {@code storedWithin} for MongoDB to hold it, unless the writer already knows
     * MongoDB is away. Either way the tip is durable in the journal and reaches MongoDB when it can.
     */
    public TipReceipt accept(CapturedTip capture, Map<String, Object> extra, Duration storedWithin) {
        Accepted accepted = journal(capture, extra);
        if (!writer.mongoHealthy()) {
            // MongoDB is known to be away (said once in the log): the journal holds the tip, the operator goes on
            LOG.info("Tip {} waits in the journal for MongoDB", accepted.receipt().reference());
            return accepted.receipt();
        }
        try {
            accepted.stored().get(storedWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.info("Tip {} waits in the journal for MongoDB", accepted.receipt().reference());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return accepted.receipt();
    }

    private record Accepted(TipReceipt receipt, CompletableFuture<Void> stored) {}

    private Accepted journal(CapturedTip capture, Map<String, Object> extra) {
        long start = System.nanoTime();
        String tipId = UUID.randomUUID().toString();
        String reference;
        try {
            reference = references.encode(counter.next());
        } catch (RuntimeException e) {
            throw new IntakeUnavailableException("no reference number available", e);
        }
        String pin = "%04d".formatted(random.nextInt(10_000));
        String callerHash = capture.callerNumber() == null || capture.callerNumber().isBlank()
                ? null : key.keyedHash("caller-hash", capture.callerNumber());
        SealedTip tip = tips.seal(new NewTip(tipId, reference, pinHash(reference, pin), callerHash, capture,
                clock.instant(), nodeId, extra));
        try {
            journal.append(tipId, tip.bson()).get(JOURNAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IntakeUnavailableException("the tip journal could not make the tip durable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("interrupted while journaling", e);
        }
        // The fsync made the tip durable; MongoDB is the writer's business, not the caller's.
        // a caller in immediate danger goes ahead of every tip waiting to be stored and routed
        CompletableFuture<Void> stored = "true".equals(capture.answers().get("immediateDanger"))
                ? writer.submitUrgent(tip) : writer.submit(tip);
        metrics.tipAccepted(capture.answers().get("exploitationType"), capture.outcome().name(),
                (System.nanoTime() - start) / 1e9);
        LOG.info("Tip {} accepted (outcome {}, node {})", reference, capture.outcome(), capture.lastNode());
        return new Accepted(new TipReceipt(reference, pin), stored);
    }

    /** Tips journaled and not yet held by MongoDB. */
    public int backlog() {
        return journal.backlog();
    }

    /** The PIN is stored only as a keyed hash bound to its reference. */
    public String pinHash(String reference, String pin) {
        return key.keyedHash("pin", reference + ":" + pin);
    }
}
