package org.hotline.core.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every unique index of the embedded store's backend compares its keys through {@link IndexKeyType}: the indexes a
 * running server creates ({@code _id} of a new collection, a unique index asked for over the driver) and those of a
 * file opened again.
 */
class IndexKeyWiringIT {

    @TempDir
    Path dir;

    @Test
    void shouldCompareTheKeysOfEveryUniqueIndexThroughTheFastKeyType() {
        String file = dir.resolve("mongo.mv").toString();
        IdIndexedH2Backend first = new IdIndexedH2Backend(file);
        MongoServer server = new MongoServer(first);
        try (MongoStore store = MongoStore.external("mongodb://127.0.0.1:" + server.bind().getPort(), "t",
                Duration.ofSeconds(5))) {
            MongoCollection<Document> tips = store.database().getCollection("tips");
            tips.createIndex(new Document("reference", 1), new IndexOptions().unique(true));
            tips.insertOne(new Document("_id", "a").append("reference", "R1"));
            store.database().getCollection("referrals").insertOne(new Document("_id", "a:police"));
            assertThat(indexKeyTypes(first)).hasSize(3).allSatisfy((name, type) ->
                    assertThat(type).as(name).isEqualTo(IndexKeyType.class));
        } finally {
            server.shutdownNow();
            first.close();
        }

        IdIndexedH2Backend again = new IdIndexedH2Backend(file);
        try {
            again.resolveDatabase("t");
            assertThat(indexKeyTypes(again)).hasSize(3).allSatisfy((name, type) ->
                    assertThat(type).as(name).isEqualTo(IndexKeyType.class));
        } finally {
            again.close();
        }
    }

    /** The key type of each unique index's map, by map name (the databases in question must be open already). */
    private static Map<String, Class<?>> indexKeyTypes(IdIndexedH2Backend backend) {
        Map<String, Class<?>> types = new TreeMap<>();
        MVStore store = backend.getMvStore();
        for (String name : store.getMapNames()) {
            if (name.contains(IdIndexedH2Backend.INDEX_MAP_INFIX)) {
                types.put(name, store.openMap(name).getKeyType().getClass());
            }
        }
        return types;
    }
}
