package org.hotline.core.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-memory index is built again from the stored documents when the embedded store's file is opened again (a
 * restart, or a node killed with -9): a query it answers finds every document written before, none lost.
 */
class SecondaryIndexReopenIT {

    @TempDir
    Path dir;

    @Test
    void shouldFindEveryDocumentWrittenBeforeTheStoreWasOpenedAgain() {
        String file = dir.resolve("mongo.mv").toString();
        inServer(file, referrals -> {
            referrals.createIndex(Indexes.ascending("state", "ackDeadline"));
            for (int i = 0; i < 50; i++) {
                String state = i % 10 == 0 ? "PENDING" : "DELIVERED";
                referrals.insertOne(new Document("_id", "r" + i).append("state", state));
            }
            referrals.updateOne(Filters.eq("_id", "r1"), new Document("$set", new Document("state", "PENDING")));
        });

        inServer(file, referrals -> {
            assertThat(ids(referrals.find(Filters.eq("state", "PENDING")).into(new ArrayList<>())))
                    .containsExactly("r0", "r1", "r10", "r20", "r30", "r40");
            assertThat(referrals.listIndexes().into(new ArrayList<>())).extracting(d -> d.getString("name"))
                    .contains("state_1_ackDeadline_1");
        });
    }

    private static void inServer(String file, java.util.function.Consumer<MongoCollection<Document>> work) {
        IdIndexedH2Backend backend = new IdIndexedH2Backend(file);
        MongoServer server = new MongoServer(backend);
        try (MongoStore store = MongoStore.external("mongodb://127.0.0.1:" + server.bind().getPort(), "t",
                Duration.ofSeconds(5))) {
            work.accept(store.database().getCollection("referrals"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    private static List<String> ids(List<Document> docs) {
        return docs.stream().map(d -> d.getString("_id")).toList();
    }
}
