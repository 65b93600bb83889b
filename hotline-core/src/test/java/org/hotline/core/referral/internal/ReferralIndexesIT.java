package org.hotline.core.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The referrals' indexes on the embedded store: the unique indexes an earlier version added for its claims are
 * dropped from a store that has them, and a claim by id still finds only a PENDING referral.
 */
class ReferralIndexesIT {

    @TempDir
    Path dir;

    @Test
    void shouldDropTheFormerUniqueIndexesOfAnEmbeddedStoreAndStillClaimById() {
        try (MongoStore mongo = MongoStore.embedded(dir, 0, "t", Duration.ofSeconds(5))) {
            // given: a store as an earlier version left it, with two referrals
            MongoCollection<Document> referrals = mongo.database().getCollection(MongoReferralStore.REFERRALS);
            IndexOptions unique = new IndexOptions().unique(true);
            referrals.createIndex(Indexes.ascending("_id", "state"), unique);
            referrals.createIndex(Indexes.ascending("_id", "state", "leaseToken"), unique);
            referrals.insertMany(List.of(new Document("_id", "a").append("state", "PENDING"),
                    new Document("_id", "b").append("state", "DELIVERED")));
            MongoReferralStore store = new MongoReferralStore(mongo.database());

            // when
            store.ensureIndexes(true);

            // then
            assertThat(names(referrals)).doesNotContainAnyElementsOf(MongoReferralStore.FORMER_EMBEDDED_INDEXES)
                    .contains("_id_");
            Instant now = Instant.parse("2026-12-06T10:00:00Z");
            assertThat(store.claim("b", "node-1", "t1", now, now.plusSeconds(60))).isEmpty();
            assertThat(store.claim("a", "node-1", "t1", now, now.plusSeconds(60)))
                    .hasValueSatisfying(d -> assertThat(d.getString("leaseToken")).isEqualTo("t1"));
            assertThat(store.claim("a", "node-2", "t2", now, now.plusSeconds(60))).isEmpty();
        }
    }

    private static List<String> names(MongoCollection<Document> c) {
        List<String> names = new ArrayList<>();
        c.listIndexes().forEach(d -> names.add(d.getString("name")));
        return names;
    }
}
