package org.hotline.core.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded store (with its own backend) and a server on the stock H2 backend, side by side over real sockets,
 * for tests that hold the two backends' answers equal.
 */
final class BackendPair implements AutoCloseable {

    final MongoStore ours;
    final MongoStore stock;
    private final MongoServer stockServer;
    private final H2Backend stockBackend;

    private BackendPair(MongoStore ours, MongoStore stock, MongoServer stockServer, H2Backend stockBackend) {
        this.ours = ours;
        this.stock = stock;
        this.stockServer = stockServer;
        this.stockBackend = stockBackend;
    }

    static BackendPair open(String name) throws IOException {
        Path dir = Files.createTempDirectory(name);
        MongoStore ours = MongoStore.embedded(dir.resolve("ours"), 0, "t", Duration.ofSeconds(5));
        H2Backend backend = new H2Backend(dir.resolve("stock.mv").toString());
        MongoServer server = new MongoServer(backend);
        MongoStore stock = MongoStore.external("mongodb://127.0.0.1:" + server.bind().getPort(), "t",
                Duration.ofSeconds(5));
        return new BackendPair(ours, stock, server, backend);
    }

    @Override
    public void close() {
        ours.close();
        stock.close();
        stockServer.shutdownNow();
        stockBackend.close();
    }
}
