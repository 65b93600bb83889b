package org.hotline.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline.core.crypto.DataKeys;
import org.hotline.core.tip.internal.KeyRotation;
import org.hotline.core.retention.RetentionPolicy;
import org.hotline.core.retention.RetentionPurge;
import org.hotline.core.testsupport.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's background jobs finish a key rotation and purge due tips without anyone running a command. */
class PrivacyJobsIT {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(NOW);
    private PrivacyTestBed bed;

    @BeforeEach
    void start() {
        bed = new PrivacyTestBed(dir, clock);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void shouldReencryptAndPurgeInTheBackground() {
        // given: two tips under the first key, one of them closed long ago; then the key file is rotated
        Map<String, String> answers = Map.of("exploitationType", "forced_labour", "region", "MO",
                "narrative", "the farm owner took their phones");
        bed.store("500000001", PrivacyTestBed.capture("0770", null, answers, Map.of("callback", true)), NOW);
        bed.store("500000002", PrivacyTestBed.capture("0880", null, answers, Map.of("statistics", true)),
                NOW.minus(Duration.ofDays(400)));
        bed.mongo.database().getCollection("tips").updateOne(Filters.eq("reference", "500000002"),
                Updates.set("status", "CLOSED"));
        DataKeys.open(Map.of(), dir).rotate();
        KeyRotation rotation = new KeyRotation(bed.mongo.database(), bed.cipher);
        RetentionPurge purge = new RetentionPurge(new org.hotline.core.tip.internal.MongoTipRepository(bed.mongo, bed.cipher), bed.mongo.database(), new RetentionPolicy(
                Map.of("CLOSED", Duration.ofDays(365)), Duration.ofMillis(100)), bed.audit, clock);
        // when
        try (PrivacyJobs jobs = PrivacyJobs.start(purge, Duration.ofMillis(100), rotation, Duration.ofMillis(100))) {
            // then: the node notices the new key in the file and re-encrypts; the closed tip is purged
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(stored("500000001").getList("encKeys", String.class)).containsExactly("k2");
                assertThat(stored("500000002")).containsKey("purgedAt");
            });
        }
        assertThat(rotation.remaining()).isZero();
        assertThat(bed.cipher.open(stored("500000001")).getString("callerNumber")).isEqualTo("0770");
    }

    private org.bson.Document stored(String reference) {
        return bed.mongo.database().getCollection("tips").find(Filters.eq("reference", reference)).first();
    }
}
