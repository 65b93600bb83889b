package org.hotline.core.stats;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.bson.Document;
import org.hotline.core.intake.JournaledQueue;
import org.hotline.core.storage.MongoOutage;
import org.hotline.core.storage.MongoStore;
import org.hotline.ivr.SurveyAnswer;
import org.hotline.ivr.SurveySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores post-contact survey answers in collection {@value #SURVEY_ANSWERS}, one small record per answer:
 * survey flow and version, language, channel, question, answer and the month.
 *
 * <p>Why so little: a survey must never become a way back to the person who reported. No caller number, call or
 * session id, reference, tip field or exact time is stored, and answers of one person are not linked to each
 * other, so nothing can be joined to a tip, to a call record or to an agency's referral; the month (in the
 * statistics time zone) is the finest date kept, because an exact time could be matched against call records.
 * Statistics then publish counts per question and answer with small cells suppressed.
 *
 * <p>The IVR calls {@link #record} on the call's thread, which must not wait for MongoDB: each answer is written
 * on a virtual thread, at most {@value #IN_FLIGHT} at a time (beyond that an answer is lost and logged: a survey is
 * not worth slowing a caller down). While MongoDB is away, or when it refuses an answer, the answer goes to the
 * node's survey journal, whose writer stores it once MongoDB takes it ({@link #insertAllAbsent}); the journal holds
 * the same record, no more.
 */
public final class SurveyLog implements SurveySink {

    public static final String SURVEY_ANSWERS = "survey_answers";
    private static final Logger LOG = LoggerFactory.getLogger(SurveyLog.class);
    private static final int IN_FLIGHT = 200;

    private final MongoCollection<Document> answers;
    private final Clock clock;
    private final ZoneId zone;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final Optional<JournaledQueue> journal;
    private final BooleanSupplier mongoDown;

    /** A survey log that loses an answer MongoDB does not take (tools, tests). */
    public SurveyLog(MongoStore mongo, Clock clock, ZoneId zone) {
        this(mongo, clock, zone, Optional.empty(), () -> false);
    }

    /**
     * A survey log that keeps answers in {@code journal} while {@code mongoDown} says MongoDB is away or a write
     * fails; the journal's writer must be {@link #insertAllAbsent} over the same store.
     */
    public SurveyLog(MongoStore mongo, Clock clock, ZoneId zone, Optional<JournaledQueue> journal,
            BooleanSupplier mongoDown) {
        this.answers = mongo.database().getCollection(SURVEY_ANSWERS);
        this.clock = clock;
        this.zone = zone;
        this.journal = journal;
        this.mongoDown = mongoDown;
    }

    /** Writes answers kept in the journal, each only if absent (a replay changes nothing). */
    public static Consumer<List<Document>> insertAllAbsent(MongoStore mongo) {
        return JournaledQueue.insertAllAbsent(mongo.database().getCollection(SURVEY_ANSWERS));
    }

    @Override
    public void record(SurveyAnswer answer) {
        Document doc = new Document("_id", UUID.randomUUID().toString())
                .append("month", YearMonth.now(clock.withZone(zone)).toString())
                .append("flow", answer.flowVersion())
                .append("language", answer.language())
                .append("channel", answer.channel())
                .append("question", answer.question())
                .append("answer", answer.answer());
        if (!slots.tryAcquire()) {
            LOG.warn("Survey answer dropped: {} writes already in flight", IN_FLIGHT);
            return;
        }
        Thread.ofVirtual().name("survey-log").start(() -> {
            try {
                store(doc);
            } finally {
                slots.release();
            }
        });
    }

    private void store(Document doc) {
        try {
            if (journal.isEmpty() || !mongoDown.getAsBoolean()) {
                answers.insertOne(doc);
                return;
            }
        } catch (RuntimeException e) {
            if (journal.isEmpty()) {
                LOG.warn("Survey answer not stored ({}); the survey statistics will miss one answer", e.getMessage());
                return;
            }
            if (!MongoOutage.isOutage(e)) {
                LOG.warn("Survey answer not written ({}); it waits in the survey journal", e.toString());
            }
        }
        try {
            journal.get().add(doc);
        } catch (RuntimeException e) {
            LOG.warn("Survey answer not stored ({}); the survey statistics will miss one answer", e.getMessage());
        }
    }
}
