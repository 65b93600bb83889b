package org.hotline.core.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the in-memory index narrows a query to: the few documents the outbox poll and the deadline sweep look for
 * among many delivered ones, never the whole collection. That the answers are right is
 * {@code SecondaryIndexQueryPropertyIT}'s; this test is about reading less.
 */
class SecondaryIndexTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final SecondaryIndex index = new SecondaryIndex("state_1_ackDeadline_1",
            List.of(new IndexKey("state", true), new IndexKey("ackDeadline", true)));

    private Document referral(String id, String state, Instant deadline) {
        Document d = new Document("_id", id).append("state", state).append("ackDeadline", deadline);
        index.add(d, id, null);
        return d;
    }

    @Test
    void shouldNarrowTheSweepAndThePollToTheDueFewAmongThousandsDelivered() {
        for (int i = 0; i < 2_000; i++) {
            referral("d" + i, "DELIVERED", NOW.plusSeconds(3_600 + i));
        }
        referral("late", "DELIVERED", NOW.minusSeconds(5));
        referral("p1", "PENDING", NOW.plusSeconds(900));

        Document sweep = new Document("$and", List.of(
                new Document("state", new Document("$in", List.of("SENDING", "DELIVERED"))),
                new Document("ackDeadline", new Document("$lte", NOW)),
                new Document("escalationExhausted", new Document("$ne", true))));
        assertThat(positions(sweep)).containsExactly("late");

        Document poll = new Document("$or", List.of(
                new Document("$and", List.of(new Document("state", new Document("$in", List.of("PENDING", "FAILED"))),
                        new Document("nextAttemptAt", new Document("$lte", NOW)))),
                new Document("$and", List.of(new Document("state", "SENDING"),
                        new Document("leaseUntil", new Document("$lte", NOW))))));
        assertThat(positions(poll)).containsExactly("p1");
    }

    @Test
    void shouldFollowAnUpdateAndARemoval() {
        Document before = referral("r1", "PENDING", NOW);
        Document after = new Document(before).append("state", "DELIVERED");
        index.updateInPlace(before, after, "r1", null);
        assertThat(positions(new Document("state", "PENDING"))).isEmpty();
        assertThat(positions(new Document("state", "DELIVERED"))).containsExactly("r1");

        assertThat(index.remove(after)).isEqualTo("r1");
        assertThat(positions(new Document("state", "DELIVERED"))).isEmpty();
        assertThat(index.getCount()).isZero();
    }

    @Test
    void shouldAlwaysOfferWhatItCannotOrderAndLeaveWhatItCannotAnswer() {
        referral("d1", "DELIVERED", NOW);
        Document odd = new Document("_id", "odd").append("state", List.of("PENDING")).append("ackDeadline", 5);
        index.add(odd, "odd", null);
        index.add(new Document("_id", "text").append("state", "PENDING").append("ackDeadline", "soon"), "text", null);

        // an array may hold the value and a number is not kept by value: both stay candidates for the matcher
        assertThat(positions(new Document("state", "PENDING"))).containsExactlyInAnyOrder("odd", "text");
        // a string is never in a date's range (the server compares like types only, as MongoDB does)
        assertThat(positions(new Document("ackDeadline", new Document("$gt", NOW)))).containsExactly("odd");
        // a regular expression, $ne alone, a dotted path, an unkept field: not this index's to answer
        assertThat(index.canHandle(new Document("state", java.util.regex.Pattern.compile("^P")))).isFalse();
        assertThat(index.canHandle(new Document("state", new Document("$ne", "PENDING")))).isFalse();
        assertThat(index.canHandle(new Document("state.code", "P"))).isFalse();
        assertThat(index.canHandle(new Document("tipId", "t1"))).isFalse();
    }

    private List<Object> positions(Document query) {
        List<Object> out = new ArrayList<>();
        index.getPositions(query).forEach(out::add);
        return out;
    }
}
