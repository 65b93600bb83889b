package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.hotline.core.intake.JournaledQueue;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.storage.MongoStore;
import org.hotline.ivr.SurveyAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Survey answers are statistics nobody can ask again for: kept in their journal whenever MongoDB does not take them. */
class SurveyLogIT {

    private static final Clock NOVEMBER = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private MongoStore mongo;
    private JournaledQueue journal;
    private MongoCollection<Document> answers;

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        answers = mongo.database().getCollection(SurveyLog.SURVEY_ANSWERS);
    }

    @AfterEach
    void stop() {
        if (journal != null) {
            journal.close();
        }
        mongo.close();
    }

    @Test
    void shouldKeepAnswersWhileMongoIsDownAndWriteThemOnceWithoutTryingMongoFirst() {
        // given a survey log whose node says MongoDB is down, and a writer that cannot write yet
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicBoolean writable = new AtomicBoolean(false);
        journal = JournaledQueue.open("survey_answer", dir.resolve("survey-journal"), mongo, batch -> {
            if (!writable.get()) {
                throw new com.mongodb.MongoTimeoutException("still away");
            }
            SurveyLog.insertAllAbsent(mongo).accept(batch);
        }, new HotlineMetrics(false));
        SurveyLog log = new SurveyLog(mongo, NOVEMBER, ZoneOffset.UTC, Optional.of(journal), down::get);
        long inserts = inserts();

        // when two callers answer during the outage
        log.record(new SurveyAnswer("survey@1", "en", "voice", "helpful", "yes"));
        log.record(new SurveyAnswer("survey@1", "fr", "sms", "helpful", "no"));

        // then both wait in the journal, and no insert was tried
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.backlog() == 2);
        assertThat(inserts() - inserts).isZero();
        assertThat(answers.countDocuments()).isZero();

        // and when MongoDB is back both are written once, as recorded
        down.set(false);
        writable.set(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> answers.countDocuments() == 2 && journal.backlog() == 0);
        assertThat(answers.distinct("answer", String.class).into(new ArrayList<>())).containsExactlyInAnyOrder("yes", "no");
        assertThat(answers.find().first().keySet()).containsExactlyInAnyOrder("_id", "month", "flow", "language",
                "channel", "question", "answer");
    }

    @Test
    void shouldKeepAnAnswerMongoRefusesAndWriteItOnceMongoTakesIt() {
        // given a collection that refuses a second answer to the same question (standing in for any refusal)
        String unique = answers.createIndex(new Document("question", 1), new IndexOptions().unique(true));
        journal = JournaledQueue.open("survey_answer", dir.resolve("survey-journal"), mongo,
                SurveyLog.insertAllAbsent(mongo), new HotlineMetrics(false));
        SurveyLog log = new SurveyLog(mongo, NOVEMBER, ZoneOffset.UTC, Optional.of(journal), () -> false);

        // when two callers answer the same question
        log.record(new SurveyAnswer("survey@1", "en", "voice", "helpful", "yes"));
        await().atMost(Duration.ofSeconds(10)).until(() -> answers.countDocuments() == 1);
        log.record(new SurveyAnswer("survey@1", "en", "voice", "helpful", "partly"));

        // then the refused one waits in the journal
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.backlog() == 1);
        assertThat(answers.countDocuments()).isEqualTo(1);

        // and is written once the refusal is gone
        answers.dropIndex(unique);
        await().atMost(Duration.ofSeconds(30)).until(() -> answers.countDocuments() == 2 && journal.backlog() == 0);
    }

    private long inserts() {
        return mongo.roundTrips().snapshot().getOrDefault(
                new org.hotline.core.storage.RoundTrips.Kind("insert", SurveyLog.SURVEY_ANSWERS), 0L);
    }
}
