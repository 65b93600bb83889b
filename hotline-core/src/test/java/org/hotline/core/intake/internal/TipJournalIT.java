package org.hotline.core.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TipJournalIT {

    @TempDir
    Path dir;

    @Test
    void shouldReturnUnconfirmedTipsAfterReopening() throws Exception {
        // given
        TipJournal journal = TipJournal.open(dir);
        journal.append("t1", tip("t1")).get(5, TimeUnit.SECONDS);
        journal.append("t2", tip("t2")).get(5, TimeUnit.SECONDS);
        journal.confirm("t1");
        journal.append("t3", tip("t3")).get(5, TimeUnit.SECONDS);
        journal.close();
        // when
        TipJournal reopened = TipJournal.open(dir);
        // then
        assertThat(reopened.unconfirmed()).extracting(JournalRecords::id).containsExactly("t2", "t3");
        assertThat(reopened.backlog()).isEqualTo(2);
        reopened.close();
    }

    @Test
    void shouldKeepRecoveredTipsThroughASecondCrashUntilConfirmed() throws Exception {
        // given: a tip recovered once and never confirmed
        TipJournal journal = TipJournal.open(dir);
        journal.append("t1", tip("t1")).get(5, TimeUnit.SECONDS);
        journal.close();
        TipJournal second = TipJournal.open(dir);
        second.close();
        // when
        TipJournal third = TipJournal.open(dir);
        // then
        assertThat(third.unconfirmed()).extracting(JournalRecords::id).containsExactly("t1");
        third.confirm("t1");
        third.close();
        assertThat(TipJournal.open(dir).unconfirmed()).isEmpty();
    }

    @Test
    void shouldCutATornTailAndKeepEverythingBeforeIt() throws Exception {
        // given: a complete record followed by half a record, as a crash mid-write leaves it
        TipJournal journal = TipJournal.open(dir);
        journal.append("t1", tip("t1")).get(5, TimeUnit.SECONDS);
        journal.close();
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 90, 1, 2, 3, 4, 1, '{', '"'}));
        }
        // when
        TipJournal reopened = TipJournal.open(dir);
        reopened.append("t2", tip("t2")).get(5, TimeUnit.SECONDS);
        reopened.close();
        // then
        assertThat(TipJournal.open(dir).unconfirmed()).extracting(JournalRecords::id).containsExactly("t1", "t2");
    }

    @Test
    void shouldMakeEveryConcurrentAppendDurable() throws Exception {
        // given
        TipJournal journal = TipJournal.open(dir);
        List<CompletableFuture<Void>> appends = new ArrayList<>();
        // when: many callers at once, group-committed
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 500; i++) {
                String id = "t" + i;
                appends.add(CompletableFuture.supplyAsync(() -> journal.append(id, tip(id)), executor)
                        .thenCompose(f -> f));
            }
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        journal.close();
        // then
        assertThat(TipJournal.open(dir).unconfirmed()).hasSize(500);
    }

    @Test
    void shouldReplayTipsWithEveryValueTypeIntact() throws Exception {
        // given: a tip with the value types the intake stores (dates, nested documents, lists, binary, numbers)
        Document fields = document("t1").append("consents", List.of("referral", "callback"))
                .append("sealed", new org.bson.types.Binary((byte) 0, new byte[] {1, 2, 3}))
                .append("attempt", 3).append("size", 12_345_678_901L).append("child", null);
        byte[] original = bson(fields);
        TipJournal journal = TipJournal.open(dir);
        journal.append("t1", original).get(5, TimeUnit.SECONDS);
        journal.close();
        // when
        List<byte[]> replayed = TipJournal.open(dir).unconfirmed();
        // then
        assertThat(replayed).singleElement().isEqualTo(original);
        assertThat(new org.bson.RawBsonDocument(replayed.get(0)).decode(new org.bson.codecs.DocumentCodec()))
                .isEqualTo(fields);
    }

    @Test
    void shouldStillReplayTipsThatOlderJournalsWroteAsJson() throws Exception {
        // given: a segment written by an older node (TIP records in extended JSON), then a new record after it
        TipJournal journal = TipJournal.open(dir);
        journal.append("t0", tip("t0")).get(5, TimeUnit.SECONDS);
        journal.confirm("t0");
        journal.close();
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        }
        String json = "{\"_id\": \"old\", \"reference\": \"77\", \"receivedAt\": {\"$date\": \"2023-11-14T22:13:20Z\"}}";
        Files.write(segment, JournalRecords.legacyJsonTip(json), StandardOpenOption.APPEND);
        // when
        TipJournal reopened = TipJournal.open(dir);
        reopened.append("t2", tip("t2")).get(5, TimeUnit.SECONDS);
        reopened.close();
        // then
        List<byte[]> replayed = TipJournal.open(dir).unconfirmed();
        assertThat(replayed).extracting(JournalRecords::id).containsExactly("old", "t2");
        assertThat(new org.bson.RawBsonDocument(replayed.get(0)).getDateTime("receivedAt").getValue()).isEqualTo(1_700_000_000_000L);
    }

    private static byte[] tip(String id) {
        return bson(document(id));
    }

    private static byte[] bson(Document doc) {
        return org.hotline.core.tip.SealedTip.of(new org.bson.RawBsonDocument(doc, new org.bson.codecs.DocumentCodec()))
                .bson();
    }

    private static Document document(String id) {
        return new Document("_id", id).append("reference", "123").append("fields", new Document("region", "MO"))
                .append("receivedAt", new java.util.Date(1_700_000_000_000L));
    }
}
