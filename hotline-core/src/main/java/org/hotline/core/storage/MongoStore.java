package org.hotline.core.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.hotline.core.storage.internal.IdIndexedH2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB the service talks to, always through the real driver over TCP: either the server named by
 * {@code MONGODB_URI} (a replica set in production, written with {@code w:majority, j:true}), or an
 * embedded wire-compatible server (mongo-java-server, H2 file backend) on a loopback port.
 *
 * <p>The embedded H2 backend commits on its own about once a second, so {@link #flush()} forces a commit:
 * anything acknowledged before a flush survives a crash. On a real replica set flush is a no-op because the
 * write concern already made each write durable.
 */
public final class MongoStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);

    /** File under the embedded data directory holding the running embedded server's port. */
    public static final String PORT_FILE = "port";

    private final MongoServer embeddedServer;
    private final H2Backend embeddedBackend;
    private final MongoClient client;
    private final MongoDatabase database;
    private final String connectionString;
    private final RoundTrips roundTrips = new RoundTrips();
    private Path embeddedDir;

    private MongoStore(MongoServer server, H2Backend backend, String connectionString, String databaseName,
            Duration timeout) {
        this.embeddedServer = server;
        this.embeddedBackend = backend;
        this.connectionString = connectionString;
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true).withWTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .readConcern(ReadConcern.MAJORITY)
                .addCommandListener(roundTrips)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) Math.max(timeout.toMillis() * 2, 2000), TimeUnit.MILLISECONDS))
                .build();
        this.client = MongoClients.create(settings);
        this.database = client.getDatabase(databaseName);
    }

    /** Connects to an external MongoDB. */
    public static MongoStore external(String uri, String databaseName, Duration timeout) {
        LOG.info("Using external MongoDB at {}", redact(uri));
        return new MongoStore(null, null, uri, databaseName, timeout);
    }

    /**
     * Starts the embedded server with its H2 file under {@code dataDir} on {@code 127.0.0.1:port}
     * ({@code port} 0 picks a free one) and connects to it.
     */
    public static MongoStore embedded(Path dataDir, int port, String databaseName, Duration timeout) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + dataDir, e);
        }
        H2Backend backend = new IdIndexedH2Backend(dataDir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        writePortFile(dataDir, address.getPort());
        LOG.info("Embedded MongoDB-compatible server on {} (data in {})", uri, dataDir);
        MongoStore store = new MongoStore(server, backend, uri, databaseName, timeout);
        store.embeddedDir = dataDir;
        return store;
    }

    /**
     * Connects to the embedded server a running node started on {@code dataDir} (its port is in
     * {@value #PORT_FILE}), or, when no node runs there, starts the embedded server itself. Command-line tools
     * use this so that they work beside a running service, whose H2 file is locked.
     */
    public static MongoStore forTools(Optional<String> uri, Path dataDir, String databaseName) {
        Duration timeout = Duration.ofSeconds(3);
        if (uri.isPresent()) {
            return external(uri.get(), databaseName, timeout);
        }
        Path portFile = dataDir.resolve(PORT_FILE);
        if (Files.exists(portFile)) {
            try {
                int port = Integer.parseInt(Files.readString(portFile).trim());
                MongoStore running = new MongoStore(null, null, "mongodb://127.0.0.1:" + port, databaseName, timeout);
                if (running.ping()) {
                    return running;
                }
                running.close();
            } catch (java.io.IOException | NumberFormatException e) {
                LOG.debug("Stale embedded port file {}", portFile);
            }
        }
        return embedded(dataDir, 0, databaseName, timeout);
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoClient client() {
        return client;
    }

    /** The connection string, e.g. for a second node sharing this server. */
    public String connectionString() {
        return connectionString;
    }

    /** The commands sent to MongoDB so far, by command and collection. */
    public RoundTrips roundTrips() {
        return roundTrips;
    }

    public boolean isEmbedded() {
        return embeddedServer != null;
    }

    /** Makes every write acknowledged so far survive a crash (see class comment). */
    public void flush() {
        if (embeddedBackend != null) {
            embeddedBackend.commit();
        }
    }

    /** True when the server answers a ping within the client's timeouts. */
    public boolean ping() {
        try {
            database.runCommand(new org.bson.Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
        if (embeddedServer != null) {
            embeddedBackend.commit();
            try {
                Files.deleteIfExists(embeddedDir.resolve(PORT_FILE));
            } catch (java.io.IOException e) {
                LOG.debug("Could not remove the port file", e);
            }
            embeddedServer.shutdownNow();
            embeddedBackend.close();
        }
    }

    private static void writePortFile(Path dataDir, int port) {
        try {
            Files.writeString(dataDir.resolve(PORT_FILE), Integer.toString(port));
        } catch (java.io.IOException e) {
            LOG.warn("Could not record the embedded server's port; command-line tools will not find it", e);
        }
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
