package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.storage.MongoStore;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallLogIT {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private MongoStore mongo;

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void shouldRecordEveryCallWithoutPersonalData() {
        // given
        CallLog log = new CallLog(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
        CapturedTip tip = new CapturedTip("1700000000.42", "+231770123456", "kpe",
                Map.of("region", "MO", "exploitationType", "forced_labour"), Map.of("record", true),
                CallOutcome.ABANDONED, "ask_type", "/var/spool/asterisk/rec-42.wav", "hotline@3", NOW, NOW);
        // when
        log.flowEnded("hotline@3", "HANGUP", tip);
        log.flowEnded("followup@1", "DONE", null);
        log.busy("en");
        log.close();
        // then
        List<Document> calls = mongo.database().getCollection(CallLog.CALLS).find().into(new ArrayList<>());
        assertThat(calls).hasSize(3);
        // each record is written on its own thread, so their order in the collection is not the calls' order
        Map<String, Document> byOutcome = new java.util.HashMap<>();
        calls.forEach(c -> byOutcome.put(c.getString("outcome"), c));
        assertThat(byOutcome).containsOnlyKeys("ABANDONED", "COMPLETED", "BUSY");
        assertThat(byOutcome.get("ABANDONED")).containsEntry("lastNode", "ask_type")
                .containsEntry("language", "kpe").containsEntry("region", "MO").containsEntry("status", "HANGUP");
        assertThat(byOutcome.get("COMPLETED")).containsEntry("flow", "followup@1");
        assertThat(byOutcome.get("BUSY")).containsEntry("language", "en");
        String stored = calls.toString();
        assertThat(stored).doesNotContain("+231770123456", "1700000000.42", "rec-42", "forced_labour");
        calls.forEach(c -> assertThat(c.keySet()).isSubsetOf("_id", "at", "flow", "status", "outcome", "language",
                "lastNode", "region"));
    }

    @Test
    void shouldWriteTheRecordsOfManyCallsInAFewRoundTrips() {
        // given
        CallLog log = new CallLog(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
        long before = inserts();

        // when 200 calls end at once
        for (int i = 0; i < 200; i++) {
            log.flowEnded("hotline@3", "DONE", null);
        }
        log.close();

        // then every record is stored, in a handful of round trips rather than one each
        assertThat(mongo.database().getCollection(CallLog.CALLS).countDocuments()).isEqualTo(200);
        assertThat(inserts() - before).isBetween(1L, 5L);
    }

    @Test
    void shouldKeepRecordsMongoRefusesForAnotherReasonThanAnOutageAndWriteThemOnceItTakesThem() {
        // given a call log with its journal, and a collection that refuses a second record of the same flow (a
        // unique index standing in for any refusal that is not MongoDB being away)
        var calls = mongo.database().getCollection(CallLog.CALLS);
        String unique = calls.createIndex(new Document("flow", 1), new com.mongodb.client.model.IndexOptions()
                .unique(true));
        org.hotline.core.intake.JournaledQueue journal = org.hotline.core.intake.JournaledQueue.open("call_record",
                dir.resolve("call-journal"), mongo, CallLog.insertAllAbsent(mongo),
                new org.hotline.core.metrics.HotlineMetrics(false));
        CallLog log = new CallLog(mongo, Clock.fixed(NOW, ZoneOffset.UTC), java.util.Optional.of(journal), () -> false);
        try {
            // when two calls of the same flow end, in one batch
            log.flowEnded("hotline@3", "DONE", null);
            log.flowEnded("hotline@3", "HANGUP", null);
            log.close();

            // then the one MongoDB refused waits in the journal, not lost (with the other when the journal's writer
            // took both in one batch: a no-op for the one stored)
            assertThat(calls.countDocuments()).isEqualTo(1);
            assertThat(journal.backlog()).isBetween(1, 2);

            // and once MongoDB takes it, it is written, once
            calls.dropIndex(unique);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> calls.countDocuments() == 2 && journal.backlog() == 0);
            assertThat(calls.distinct("status", String.class).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("DONE", "HANGUP");
        } finally {
            journal.close();
        }
    }

    private long inserts() {
        return mongo.roundTrips().snapshot().getOrDefault(
                new org.hotline.core.storage.RoundTrips.Kind("insert", CallLog.CALLS), 0L);
    }

    @Test
    void shouldDropRecordsQuietlyAfterClose() {
        // given
        CallLog log = new CallLog(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
        log.close();
        // when
        log.busy("en");
        // then
        assertThat(mongo.database().getCollection(CallLog.CALLS).countDocuments()).isZero();
    }
}
