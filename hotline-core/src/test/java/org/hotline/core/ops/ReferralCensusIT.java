package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.hotline.core.referral.ReferralCensus;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox counts behind the referral gauges, over the MongoDB driver against the embedded server. */
class ReferralCensusIT {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private MongoStore mongo;
    private MongoCollection<Document> referrals;

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir, 0, "hotline", Duration.ofSeconds(3));
        referrals = mongo.database().getCollection("referrals");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void shouldCountReferralsByStateIncludingEmptyStates() {
        // given
        insert("a", "DELIVERED", "IMMEDIATE", NOW.plusSeconds(60), 0);
        insert("b", "DELIVERED", "NORMAL", NOW.plusSeconds(60), 0);
        insert("c", "DEAD_LETTER", "HIGH", NOW.plusSeconds(60), 0);

        // when
        var counts = new ReferralCensus(mongo.database()).byState();

        // then
        assertThat(counts).containsEntry("DELIVERED", 2L).containsEntry("DEAD_LETTER", 1L)
                .containsEntry("PENDING", 0L).containsOnlyKeys(ReferralCensus.STATES);
    }

    @Test
    void shouldCountUnansweredReferralsPastTheirDeadlineOrEscalatedByPriority() {
        // given
        insert("late-danger", "DELIVERED", "IMMEDIATE", NOW.minusSeconds(1), 0);
        insert("escalated-danger", "SENDING", "IMMEDIATE", NOW.plusSeconds(600), 1);
        insert("answered-late", "ACKNOWLEDGED", "IMMEDIATE", NOW.minusSeconds(600), 2);
        insert("in-time", "DELIVERED", "IMMEDIATE", NOW.plusSeconds(1), 0);
        insert("late-high", "FAILED", "HIGH", NOW.minusSeconds(30), 0);

        // when
        var overdue = new ReferralCensus(mongo.database()).overdueByPriority(NOW);

        // then
        assertThat(overdue).containsEntry("IMMEDIATE", 2L).containsEntry("HIGH", 1L).containsEntry("NORMAL", 0L)
                .containsOnlyKeys(ReferralCensus.PRIORITIES);
    }

    private void insert(String id, String state, String priority, Instant deadline, int escalationStep) {
        referrals.insertOne(new Document("_id", id).append("state", state).append("priority", priority)
                .append("ackDeadline", Date.from(deadline)).append("escalationStep", escalationStep));
    }
}
