package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store file keeps working across the stock H2 backend and the embedded store's own (whose unique indexes compare
 * keys through {@code IndexKeyType}): every document is found by its unique key and by {@code _id}, a duplicate is
 * refused, and documents added by one are found by the other, over the MongoDB driver.
 */
class IndexFileCompatibilityIT {

    private static final int DOCS = 600;

    @TempDir
    Path dir;

    @Test
    void shouldServeAFileWrittenByTheStockBackendAndLeaveItReadableByIt() {
        Path file = dir.resolve("mongo.mv");
        withStock(file, tips -> {
            tips.createIndex(new Document("reference", 1), new IndexOptions().unique(true));
            tips.insertMany(docs(0, DOCS));
        });

        try (MongoStore embedded = MongoStore.embedded(dir, 0, "t", Duration.ofSeconds(5))) {
            MongoCollection<Document> tips = embedded.database().getCollection("tips");
            assertFound(tips, DOCS);
            assertThatThrownBy(() -> tips.insertOne(doc(7).append("_id", "other")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            tips.insertMany(docs(DOCS, DOCS + 200));
            assertFound(tips, DOCS + 200);
        }

        withStock(file, tips -> assertFound(tips, DOCS + 200));
    }

    private static void withStock(Path file, Consumer<MongoCollection<Document>> use) {
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoStore stock = MongoStore.external(uri, "t", Duration.ofSeconds(5))) {
            use.accept(stock.database().getCollection("tips"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    private static void assertFound(MongoCollection<Document> tips, int count) {
        assertThat(tips.countDocuments()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            Document byKey = tips.find(Filters.eq("reference", reference(i))).first();
            assertThat(byKey).as("reference %s", reference(i)).isNotNull();
            assertThat(byKey.getString("_id")).isEqualTo(id(i));
            assertThat(tips.find(Filters.eq("_id", id(i))).first()).as("_id %s", id(i)).isNotNull();
        }
        assertThat(tips.find(Filters.eq("reference", "missing")).first()).isNull();
    }

    private static List<Document> docs(int from, int to) {
        List<Document> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(doc(i));
        }
        return out;
    }

    private static Document doc(int i) {
        return new Document("_id", id(i)).append("reference", reference(i)).append("n", i);
    }

    private static String id(int i) {
        return "tip-" + Integer.toString(i * 7919, 36);
    }

    /**
     * References of varied length (some over 127 bytes, whose length byte reads negative when signed) and characters
     * (one, two and three bytes each, at the same places), so that their keys differ where signed and unsigned
     * orders part.
     */
    private static String reference(int i) {
        String[] prefixes = {"R", "ref-é-", "ref-e-", "REF-LONG-", "x".repeat(130) + "-", "ref-\u0800-"};
        return prefixes[i % prefixes.length] + Integer.toString(i * 104_729 % 1_000_003, 36);
    }
}
