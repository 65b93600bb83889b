package org.hotline.core.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.tip.SealedTip;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tip writer against the embedded MongoDB-compatible server: bulk upserts, hand-on, a clean stop. */
class TipWriterIT {

    @TempDir
    Path dir;

    private MongoStore mongo;
    private TipJournal journal;
    private final List<String> handedOn = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "writer", Duration.ofSeconds(5));
        journal = TipJournal.open(dir.resolve("journal"));
    }

    @AfterEach
    void stop() {
        journal.close();
        mongo.close();
    }

    @Test
    void shouldStoreEveryJournaledTipOnceConfirmItAndHandItOn() throws Exception {
        // given: a tip MongoDB holds already (replayed after a crash), and new ones
        TipWriter<SealedTip> writer = TipWriter.forTips(mongo, new org.hotline.core.tip.internal.MongoTipRepository(mongo, org.hotline.core.crypto.TipCipher.open(java.util.Map.of(), dir.resolve("keys")))::insertAllAbsent, journal, batch -> batch.forEach(tip -> handedOn.add(tip.id())), new HotlineMetrics(false));
        writer.start();
        mongo.database().getCollection("tips").insertOne(document(0).append("status", "REFERRED"));
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            journal.append("t" + i, tip(i).bson()).get(5, TimeUnit.SECONDS);
            stored.add(writer.submit(tip(i)));
        }

        // when
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        writer.close();

        // then: one document per tip, the existing one untouched, all confirmed, each handed on in order
        assertThat(mongo.database().getCollection("tips").countDocuments()).isEqualTo(100);
        assertThat(mongo.database().getCollection("tips").find(new Document("_id", "t0")).first().getString("status"))
                .isEqualTo("REFERRED");
        assertThat(replayedAtNextStart()).isEmpty();
        assertThat(handedOn).hasSize(100).startsWith("t0", "t1", "t2");
    }

    @Test
    void shouldWriteWhatIsQueuedBeforeItStops() throws Exception {
        // given
        TipWriter<SealedTip> writer = TipWriter.forTips(mongo, new org.hotline.core.tip.internal.MongoTipRepository(mongo, org.hotline.core.crypto.TipCipher.open(java.util.Map.of(), dir.resolve("keys")))::insertAllAbsent, journal, batch -> { }, new HotlineMetrics(false));
        writer.start();
        journal.append("t0", tip(0).bson()).get(5, TimeUnit.SECONDS);
        writer.submit(tip(0)).get(20, TimeUnit.SECONDS); // connected: what follows measures the stop, not the start
        for (int i = 1; i < 200; i++) {
            journal.append("t" + i, tip(i).bson()).get(5, TimeUnit.SECONDS);
            writer.submit(tip(i));
        }

        // when: the node stops right after the last caller heard their reference
        writer.close();

        // then: nothing is left for the next start to replay
        assertThat(mongo.database().getCollection("tips").countDocuments()).isEqualTo(200);
        assertThat(replayedAtNextStart()).isEmpty();
    }

    @Test
    void shouldStoreAndHandOnAnUrgentTipAheadOfTheTipsWaitingBeforeIt() throws Exception {
        // given 300 tips waiting for a writer that has not started yet, then a caller in immediate danger
        TipWriter<SealedTip> writer = TipWriter.forTips(mongo, new org.hotline.core.tip.internal.MongoTipRepository(mongo,
                org.hotline.core.crypto.TipCipher.open(java.util.Map.of(), dir.resolve("keys")))::insertAllAbsent, journal,
                batch -> batch.forEach(tip -> handedOn.add(tip.id())), new HotlineMetrics(false));
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            journal.append("t" + i, tip(i).bson()).get(5, TimeUnit.SECONDS);
            stored.add(writer.submit(tip(i)));
        }
        journal.append("t999", tip(999).bson()).get(5, TimeUnit.SECONDS);
        stored.add(writer.submitUrgent(tip(999)));

        // when
        writer.start();
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        writer.close();

        // then the urgent one was routed first, and every tip once
        assertThat(handedOn).hasSize(301).startsWith("t999", "t0", "t1").doesNotHaveDuplicates();
    }

    @Test
    void shouldReplayAnUrgentTipLeftInTheJournalAheadOfTheOthers() throws Exception {
        // given a journal a crash left with 50 tips, the 31st from a caller in immediate danger
        List<byte[]> left = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            left.add(tip(i).bson());
        }
        TipWriter<SealedTip> writer = TipWriter.forTips(mongo, new org.hotline.core.tip.internal.MongoTipRepository(mongo,
                org.hotline.core.crypto.TipCipher.open(java.util.Map.of(), dir.resolve("keys")))::insertAllAbsent, journal,
                batch -> batch.forEach(tip -> handedOn.add(tip.id())), new HotlineMetrics(false));

        // when the node starts again and replays them, one unreadable to the urgency check
        writer.replay(left, SealedTip::fromBson, tip -> {
            if (tip.id().equals("t7")) {
                throw new IllegalStateException("sealed with a key this node lacks");
            }
            return tip.id().equals("t30");
        });
        writer.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handedOn.size() == 50);
        writer.close();

        // then the urgent one went first, and every one (the unreadable one too) once
        assertThat(handedOn).startsWith("t30", "t0", "t1").doesNotHaveDuplicates().contains("t7");
    }

    /** Closes the journal (its writer applies the confirmations still queued) and reads what it would replay. */
    private List<byte[]> replayedAtNextStart() {
        journal.close();
        TipJournal reopened = TipJournal.open(dir.resolve("journal"));
        try {
            return reopened.unconfirmed();
        } finally {
            reopened.close();
        }
    }

    private static SealedTip tip(int n) {
        return SealedTip.of(new org.bson.RawBsonDocument(document(n), new org.bson.codecs.DocumentCodec()));
    }

    private static Document document(int n) {
        return new Document("_id", "t" + n).append("reference", String.valueOf(100_000_000 + n))
                .append("fields", new Document("region", "MO")).append("receivedAt", new java.util.Date());
    }
}
