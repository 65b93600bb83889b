package org.hotline.core.privacy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.internal.MongoAuditLog;
import org.hotline.core.audit.internal.MongoAuditVerifier;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.storage.MongoStore;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;

/** Embedded MongoDB, data keys, a tip cipher and a real audit log in a temporary directory. */
public final class PrivacyTestBed implements AutoCloseable {

    public static final Path NATIONAL_PATHWAY = TestFiles.NATIONAL_PATHWAY;

    public final MongoStore mongo;
    public final TipCipher cipher;
    public final AuditChain chain;
    public final MongoAuditLog audit;

    public PrivacyTestBed(Path dir, Clock clock) {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        cipher = TipCipher.open(Map.of(), dir);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 5);
        chain = new AuditChain(key);
        audit = new MongoAuditLog(mongo.database(), chain, clock);
    }

    /** A captured call with the given answers and consents, as the IVR would hand it to intake. */
    public static CapturedTip capture(String callerNumber, String recording, Map<String, String> answers,
            Map<String, Boolean> consents) {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        return new CapturedTip("call-" + UUID.randomUUID(), callerNumber, "en", answers, consents, CallOutcome.COMPLETED,
                "goodbye", recording, "hotline@1", now, now.plusSeconds(120));
    }

    /** Stores the tip as intake does (document built, personal values sealed); returns the stored document. */
    public Document store(String reference, CapturedTip capture, Instant receivedAt) {
        var repository = new org.hotline.core.tip.internal.MongoTipRepository(mongo, cipher);
        var sealed = repository.seal(new org.hotline.core.tip.NewTip(UUID.randomUUID().toString(), reference, "pin-hash",
                "caller-hash-" + reference, capture, receivedAt, "node-1", Map.of()));
        repository.insertAllAbsent(java.util.List.of(sealed));
        return mongo.database().getCollection("tips").find(new Document("_id", sealed.id())).first();
    }

    public MongoAuditVerifier verifier() {
        return new MongoAuditVerifier(mongo.database(), chain);
    }

    @Override
    public void close() {
        mongo.close();
    }
}
