package org.hotline.bench.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single box's database CPU: the embedded server's and storage engine's threads, and no other thread. */
class EmbeddedDatabaseThreadsTest {

    @TempDir
    Path dir;

    @Test
    void shouldCountTheEmbeddedServersThreadsAndNotTheNodesOwn() throws Exception {
        // given an embedded server on a file, as the single-box node runs it, with a client in this JVM
        H2Backend backend = new H2Backend(dir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> tips = client.getDatabase("bench").getCollection("tips");
            tips.insertOne(new Document("n", -1)); // the server's threads exist from here on
            long idle = EmbeddedDatabaseThreads.cpuNanos();

            // when a thread of the node's burns CPU, with the database idle
            long burnt = burn(Thread.ofPlatform().name("dispatch-node-0"));
            long afterBurn = EmbeddedDatabaseThreads.cpuNanos();

            // then none of it counts as the database's
            assertThat(afterBurn - idle).isLessThan(burnt / 10);

            // and when the database serves writes, their CPU counts
            for (int i = 0; i < 2_000; i++) {
                tips.insertOne(new Document("n", i).append("text", "tip " + i));
            }
            assertThat(EmbeddedDatabaseThreads.cpuNanos() - afterBurn).isPositive();
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    @Test
    void shouldKnowTheDatabasesThreadsByName() {
        assertThat(EmbeddedDatabaseThreads.isDatabase("mongo-server-worker-3-1")).isTrue();
        assertThat(EmbeddedDatabaseThreads.isDatabase("H2-serialization")).isTrue();
        assertThat(EmbeddedDatabaseThreads.isDatabase("MVStore background writer /data/mongo.mv")).isTrue();
        assertThat(EmbeddedDatabaseThreads.isDatabase("dispatch-node-0")).isFalse();
        assertThat(EmbeddedDatabaseThreads.isDatabase("mongo-watch")).isFalse(); // the node's own ping
        assertThat(EmbeddedDatabaseThreads.isDatabase("cluster-ClusterId{value='x'}-127.0.0.1:27017")).isFalse();
    }

    /** Runs a busy loop of about 200 ms of CPU on a thread of {@code builder}; returns that thread's CPU time. */
    private static long burn(Thread.Builder builder) throws InterruptedException {
        long[] cpu = new long[1];
        Thread thread = builder.start(() -> {
            var mx = ManagementFactory.getThreadMXBean();
            long start = mx.getCurrentThreadCpuTime();
            long sink = 0;
            while (mx.getCurrentThreadCpuTime() - start < 200_000_000L) {
                sink += System.nanoTime() % 7;
            }
            cpu[0] = mx.getCurrentThreadCpuTime() - start + (sink == 42 ? 1 : 0);
        });
        thread.join();
        return cpu[0];
    }
}
