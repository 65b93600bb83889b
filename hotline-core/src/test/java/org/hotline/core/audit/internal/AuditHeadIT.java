package org.hotline.core.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
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

/** The sealed head of the audit chain: cutting entries off the end is noticed by verify and at start-up. */
class AuditHeadIT {

    @TempDir
    Path dir;

    private MongoStore mongo;
    private AuditChain chain;
    private MongoAuditLog log;
    private MongoCollection<Document> entries;
    private MongoCollection<Document> heads;

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 5);
        chain = new AuditChain(key);
        log = new MongoAuditLog(mongo.database(), chain, Clock.systemUTC());
        entries = mongo.database().getCollection("audit_log");
        heads = mongo.database().getCollection("audit_head");
        for (int i = 1; i <= 5; i++) {
            log.append(AuditEvent.of("u" + i, "tip.read", "10000000" + i));
        }
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void shouldReportEntriesCutOffTheEndWhenTheHeadWasLoweredToMatch() {
        // given
        String thirdHash = entries.find(Filters.eq("_id", 3L)).first().getString("hash");
        // when: an insider deletes the last entries and moves the head back onto entry 3
        entries.deleteMany(Filters.gte("_id", 4L));
        heads.updateOne(Filters.eq("_id", "head"), Updates.combine(Updates.set("seq", 3L), Updates.set("hash", thirdHash)));
        // then
        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Tampered.class, t -> {
            assertThat(t.firstBadSeq()).isEqualTo(4);
            assertThat(t.problem()).contains("seal does not match").contains("after entry 3");
        });
    }

    @Test
    void shouldReportAMissingHead() {
        // when
        heads.deleteMany(new Document());
        // then
        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Tampered.class, t -> {
            assertThat(t.firstBadSeq()).isEqualTo(6);
            assertThat(t.problem()).contains("head is missing");
        });
    }

    @Test
    void shouldRefuseToChainOntoALogWhoseHeadSealDoesNotMatch() {
        // given: the tail cut off and the head moved back, as an insider would
        entries.deleteMany(Filters.gte("_id", 4L));
        heads.updateOne(Filters.eq("_id", "head"), Updates.set("seq", 3L));
        // when / then: a node starting on this log refuses to add to it and says what to do
        assertThatThrownBy(this::openLog)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seal does not match")
                .hasMessageContaining("./hotline audit verify")
                .hasMessageContaining("./hotline audit reseal");
        assertThat(entries.countDocuments()).isEqualTo(3);
    }

    @Test
    void shouldRefuseToChainOntoALogWhoseLastEntriesAreGone() {
        // when: entries deleted, the sealed head left as it was
        entries.deleteMany(Filters.gte("_id", 4L));
        // then
        assertThatThrownBy(this::openLog).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entries 4 to 5 were removed from the end");
    }

    @Test
    void shouldChainOntoAnEntryWrittenJustBeforeACrashThatLeftTheHeadBehind() {
        // given: entry 5 was written but the node died before it moved the head past entry 4
        String fourthHash = entries.find(Filters.eq("_id", 4L)).first().getString("hash");
        heads.replaceOne(Filters.eq("_id", "head"), new Document("_id", "head").append("seq", 4L)
                .append("hash", fourthHash).append("seal", chain.sealHead(4L, fourthHash)));
        assertThat(verify()).isInstanceOf(AuditVerification.Intact.class);
        // when
        AuditEntry sixth = openLog().append(AuditEvent.of("u6", "tip.read", "100000006"));
        // then
        assertThat(sixth.seq()).isEqualTo(6);
        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Intact.class,
                ok -> assertThat(ok.entries()).isEqualTo(6));
    }

    @Test
    void shouldRecordTheLossAndReanchorTheHeadWhenResealed() {
        // given
        entries.deleteMany(Filters.gte("_id", 4L));
        AuditVerification.Tampered found = (AuditVerification.Tampered) verify();
        // when
        AuditEntry resealed = log.reseal("cli:admin", found.problem());
        // then: the chain verifies again, and its newest entry says what was lost
        assertThat(resealed.seq()).isEqualTo(4);
        assertThat(resealed.action()).isEqualTo(MongoAuditLog.RESEALED);
        assertThat(resealed.details()).containsEntry("found", "entries 4 to 5 were removed from the end of the log");
        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Intact.class,
                ok -> assertThat(ok.entries()).isEqualTo(4));
        assertThat(openLog().append(AuditEvent.of("u5", "tip.read", "1")).seq()).isEqualTo(5);
    }

    private MongoAuditLog openLog() {
        return MongoAuditLog.open(mongo.database(), chain, Clock.systemUTC(), () -> { });
    }

    private AuditVerification verify() {
        return new MongoAuditVerifier(mongo.database(), chain).verify();
    }
}
