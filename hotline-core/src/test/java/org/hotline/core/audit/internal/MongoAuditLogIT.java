package org.hotline.core.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditVerification;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoAuditLogIT {

    @TempDir
    Path dir;

    private MongoStore mongo;
    private AuditChain chain;
    private MongoAuditLog log;
    private MongoCollection<Document> entries;

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        chain = new AuditChain(key);
        log = new MongoAuditLog(mongo.database(), chain, Clock.systemUTC());
        entries = mongo.database().getCollection("audit_log");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void shouldAppendALinkedChainThatVerifies() {
        // when
        for (int i = 1; i <= 5; i++) {
            log.record(new AuditEvent("u" + i, "tip.read", "10000000" + i, Map.of("why", "review " + i)));
        }
        // then
        AuditVerification result = verify();
        assertThat(result).isInstanceOf(AuditVerification.Intact.class);
        assertThat(((AuditVerification.Intact) result).entries()).isEqualTo(5);
        List<Document> stored = entries.find().sort(new Document("_id", 1)).into(new ArrayList<>());
        assertThat(stored).extracting(d -> d.get("_id")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(stored.get(1).getString("prevHash")).isEqualTo(stored.get(0).getString("hash"));
        assertThat(stored.get(0).getString("prevHash")).isEqualTo(AuditChain.GENESIS);
    }

    @Test
    void shouldVerifyAnEmptyLog() {
        assertThat(verify()).isEqualTo(new AuditVerification.Intact(0, AuditChain.GENESIS));
    }

    @Test
    void shouldReportAChangedEntry() {
        // given
        appendFive();
        // when: an insider rewrites who read a tip
        entries.updateOne(Filters.eq("_id", 3L), Updates.set("actor", "someone-else"));
        // then
        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Tampered.class,
                t -> assertThat(t.firstBadSeq()).isEqualTo(3));
    }

    @Test
    void shouldReportARemovedEntry() {
        // given
        appendFive();
        // when
        entries.deleteOne(Filters.eq("_id", 2L));
        // then
        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Tampered.class, t -> {
            assertThat(t.firstBadSeq()).isEqualTo(2);
            assertThat(t.problem()).contains("missing");
        });
    }

    @Test
    void shouldReportEntriesCutOffTheEnd() {
        // given
        appendFive();
        // when
        entries.deleteMany(Filters.gte("_id", 4L));
        // then
        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Tampered.class, t -> {
            assertThat(t.firstBadSeq()).isEqualTo(4);
            assertThat(t.problem()).contains("removed from the end");
        });
    }

    @Test
    void shouldReportReorderedEntries() {
        // given
        appendFive();
        Document second = entries.find(Filters.eq("_id", 2L)).first();
        Document third = entries.find(Filters.eq("_id", 3L)).first();
        // when: the contents of entries 2 and 3 swap places
        second.put("_id", 3L);
        third.put("_id", 2L);
        entries.replaceOne(Filters.eq("_id", 2L), third);
        entries.replaceOne(Filters.eq("_id", 3L), second);
        // then
        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Tampered.class,
                t -> assertThat(t.firstBadSeq()).isEqualTo(2));
    }

    @Test
    void shouldReportAnEntryRewrittenAndRehashedWithoutTheSealKey() {
        // given
        appendFive();
        Document first = entries.find(Filters.eq("_id", 1L)).first();
        AuditEntry original = AuditDocuments.entry(first);
        byte[] otherKey = new byte[32];
        AuditEntry forged = new AuditChain(otherKey).link(1, original.at(),
                AuditEvent.of("nobody", original.action(), original.target()), AuditChain.GENESIS);
        // when
        entries.replaceOne(Filters.eq("_id", 1L), AuditDocuments.document(forged));
        // then
        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Tampered.class,
                t -> assertThat(t.firstBadSeq()).isEqualTo(1));
    }

    @Test
    void shouldKeepOneOrderedChainWhenSeveralNodesAppendAtOnce() throws Exception {
        // given: three "nodes", each with its own client connection and log
        List<MongoStore> clients = new ArrayList<>();
        List<MongoAuditLog> logs = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            MongoStore client = MongoStore.external(mongo.connectionString(), "hotline", Duration.ofSeconds(5));
            clients.add(client);
            logs.add(new MongoAuditLog(client.database(), chain, Clock.systemUTC()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // when
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                MongoAuditLog nodeLog = logs.get(n);
                String node = "node" + n;
                runs.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 40; i++) {
                        nodeLog.append(AuditEvent.of(node, "tip.read", Integer.toString(i)));
                    }
                }, pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
            clients.forEach(MongoStore::close);
        }
        // then
        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Intact.class,
                ok -> assertThat(ok.entries()).isEqualTo(120));
        assertThat(logs).allSatisfy(l -> assertThat(l.failures()).isZero());
    }

    @Test
    void shouldNotThrowIntoTheCallerWhenMongoIsGoneAndKeepTheEventForLater() {
        // given
        mongo.close();
        MongoStore dead = MongoStore.external("mongodb://127.0.0.1:9", "hotline", Duration.ofMillis(200));
        java.util.concurrent.atomic.AtomicInteger counted = new java.util.concurrent.atomic.AtomicInteger();
        MongoAuditLog unreachable = new MongoAuditLog(dead.database(), chain, Clock.systemUTC(), counted::incrementAndGet);
        try {
            // when
            unreachable.record(AuditEvent.of("u1", "tip.read", "1"));
            unreachable.record(AuditEvent.of("u1", "tip.read", "2"));
            // then nothing is lost yet: both wait in the node for MongoDB, oldest first
            assertThat(unreachable.waiting()).isEqualTo(2);
            assertThat(unreachable.failures()).isZero();
            assertThat(counted).hasValue(0);
            assertThatThrownBy(unreachable::writeWaiting).isInstanceOf(RuntimeException.class);
            assertThat(unreachable.waiting()).isEqualTo(2);
        } finally {
            dead.close();
            mongo = MongoStore.embedded(dir.resolve("mongo2"), 0, "hotline", Duration.ofSeconds(3));
        }
    }

    private void appendFive() {
        for (int i = 1; i <= 5; i++) {
            log.append(new AuditEvent("u" + i, "tip.read", "10000000" + i, Map.of()));
        }
    }

    private AuditVerification verify() {
        return new MongoAuditVerifier(mongo.database(), chain).verify();
    }
}
