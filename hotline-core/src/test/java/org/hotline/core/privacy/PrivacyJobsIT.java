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
        // and: a signed-in session whose time is up (a stepping clock a day on)
        org.hotline.core.auth.Sessions sessions = new org.hotline.core.auth.Sessions(bed.mongo,
                org.hotline.core.testsupport.Staff.accounts(bed.mongo, bed.audit), clock);
        sessions.start(new org.hotline.core.auth.Principal("u-1", "olu.operator",
                java.util.Set.of(org.hotline.core.auth.Role.OPERATOR), java.util.Optional.empty()));
        org.hotline.core.auth.Sessions later = new org.hotline.core.auth.Sessions(bed.mongo,
                org.hotline.core.testsupport.Staff.accounts(bed.mongo, bed.audit),
                java.time.Clock.offset(clock, Duration.ofDays(1)));
        assertThat(bed.mongo.database().getCollection("sessions").countDocuments()).isEqualTo(1);
        // when
        try (PrivacyJobs jobs = PrivacyJobs.start(purge, Duration.ofMillis(100), rotation, Duration.ofMillis(100),
                later::purgeExpired)) {
            // then: the node notices the new key in the file and re-encrypts; the closed tip is purged; the expired
            // session is gone
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(stored("500000001").getList("encKeys", String.class)).containsExactly("k2");
                assertThat(stored("500000002")).containsKey("purgedAt");
                assertThat(bed.mongo.database().getCollection("sessions").countDocuments()).isZero();
            });
        }
        assertThat(rotation.remaining()).isZero();
        assertThat(bed.cipher.open(stored("500000001")).getString("callerNumber")).isEqualTo("0770");
    }

    private org.bson.Document stored(String reference) {
        return bed.mongo.database().getCollection("tips").find(Filters.eq("reference", reference)).first();
    }
}
