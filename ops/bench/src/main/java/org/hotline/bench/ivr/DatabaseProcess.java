package org.hotline.bench.ivr;

import com.mongodb.ConnectionString;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.storage.MongoStore;

/**
 * The separate-database deployment's MongoDB: the embedded wire-compatible server a node starts for itself when
 * {@code MONGODB_URI} is unset ({@link MongoStore#embedded}, H2 file in {@code <workDir>/data/mongo}, loopback, a
 * free port), here in a JVM of its own so that the node under test reaches it over TCP as production reaches its
 * replica set, and its CPU is counted apart from the node's. Prints {@code ready <port>}, then answers
 * {@code stats} and {@code cpu} on stdin as {@link ServerProcess} does; {@code quit} or end of input stops it.
 *
 * <p>Arguments: {@code <workDir>}.
 */
public final class DatabaseProcess {

    private DatabaseProcess() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DatabaseProcess WORKDIR");
            System.exit(2);
        }
        Path data = Files.createDirectories(Path.of(args[0])).resolve("data").resolve("mongo");
        try (MongoStore store = MongoStore.embedded(data, 0, HotlineConfig.DEFAULT_MONGO_DATABASE,
                HotlineConfig.DEFAULT_MONGO_TIMEOUT)) {
            System.out.println("ready " + port(store.connectionString()));
            System.out.flush();
            ServerProcess.serveControl(null);
        }
        System.exit(0);
    }

    /** The port of a one-host connection string such as {@code mongodb://127.0.0.1:40123}. */
    static int port(String connectionString) {
        String host = new ConnectionString(connectionString).getHosts().getFirst();
        return Integer.parseInt(host.substring(host.lastIndexOf(':') + 1));
    }
}
