package org.hotline.core.stats;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.bson.Document;
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
 * on a virtual thread, at most {@value #IN_FLIGHT} at a time; beyond that, or when MongoDB refuses it, the
 * answer is lost and logged (a survey is not worth slowing a caller down, and it is not case data).
 */
public final class SurveyLog implements SurveySink {

    public static final String SURVEY_ANSWERS = "survey_answers";
    private static final Logger LOG = LoggerFactory.getLogger(SurveyLog.class);
    private static final int IN_FLIGHT = 200;

    private final MongoCollection<Document> answers;
    private final Clock clock;
    private final ZoneId zone;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);

    public SurveyLog(MongoStore mongo, Clock clock, ZoneId zone) {
        this.answers = mongo.database().getCollection(SURVEY_ANSWERS);
        this.clock = clock;
        this.zone = zone;
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
                answers.insertOne(doc);
            } catch (RuntimeException e) {
                LOG.warn("Survey answer not stored ({}); the survey statistics will miss one answer", e.getMessage());
            } finally {
                slots.release();
            }
        });
    }
}
