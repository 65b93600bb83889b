package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever the driver throws while the server goes away under load is recognised as an outage, so that the
 * node says "MongoDB is down" once instead of a warning per worker.
 */
class OutageClassificationIT {

    @TempDir
    Path dir;

    @Test
    void shouldRecogniseEveryFailureOfAServerGoingAwayMidRequestAsAnOutage() throws Exception {
        // given a server on a file and workers reading and writing through the node's client settings
        H2Backend backend = new H2Backend(dir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        Map<String, Throwable> failures = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (MongoStore store = MongoStore.external("mongodb://127.0.0.1:" + address.getPort(), "outage",
                Duration.ofSeconds(1))) {
            MongoCollection<Document> tips = store.database().getCollection("tips");
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < 48; w++) {
                int worker = w;
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            String id = worker + "-" + i;
                            tips.insertOne(new Document("_id", id).append("n", i));
                            tips.updateOne(Filters.eq("_id", id), Updates.set("seen", true));
                            tips.find(Filters.eq("n", i)).first();
                            tips.updateMany(Filters.eq("n", i), Updates.inc("count", 1));
                            tips.countDocuments(Filters.eq("seen", true));
                            tips.deleteMany(Filters.eq("_id", id + "x"));
                        } catch (RuntimeException e) {
                            failures.putIfAbsent(e.getClass().getName() + ": " + e.getMessage(), e);
                        }
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> tips.countDocuments() >= 200);

            // when the server stops mid-request and stays away until the client has given up finding it
            server.shutdownNow();
            backend.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> failures.keySet().stream()
                    .anyMatch(what -> what.startsWith(MongoTimeoutException.class.getName())));
            stop.set(true);
            for (Thread worker : workers) {
                worker.join(10_000);
            }
        }

        // then there were failures, and every one of them reads as an outage
        assertThat(failures).isNotEmpty();
        failures.forEach((what, failure) -> assertThat(MongoOutage.isOutage(failure)).as(what).isTrue());
    }
}
