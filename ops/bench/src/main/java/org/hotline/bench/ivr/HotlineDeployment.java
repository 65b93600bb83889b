package org.hotline.bench.ivr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One hotline deployment under test: the node's JVM and, in the separate-database deployment, the database's
 * JVM it connects to through {@code MONGODB_URI}. Closing stops the node first, then its database.
 *
 * @param database null when the database runs inside the node
 */
record HotlineDeployment(DatabaseMode mode, ServerHandle node, ServerHandle database) implements AutoCloseable {

    /** Starts the deployment's processes with their folders and logs under {@code work}. */
    static HotlineDeployment start(DatabaseMode mode, Path repo, Path work, String heap, Consumer<String> log)
            throws IOException {
        String label = mode.server().label();
        Path dir = Files.createDirectories(work.resolve(label));
        if (mode == DatabaseMode.EMBEDDED) {
            log.accept("ivr: starting " + label + " server JVM");
            return new HotlineDeployment(mode, ServerHandle.start(mode.server(), repo, dir, null, heap,
                    work.resolve(label + ".log")), null);
        }
        log.accept("ivr: starting " + label + " database JVM and node JVM");
        ServerHandle database = ServerHandle.launch(DatabaseProcess.class, List.of(dir.resolve("database").toString()),
                Map.of(), heap, work.resolve(label + "-database.log"));
        try {
            ServerHandle node = ServerHandle.start(mode.server(), repo, dir.resolve("node"), null, heap,
                    work.resolve(label + ".log"), Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + database.port()));
            return new HotlineDeployment(mode, node, database);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** CPU time the database process has used so far, or -1 when the database runs inside the node. */
    long databaseCpuNanos() throws IOException {
        return database == null ? -1 : database.cpuNanos();
    }

    @Override
    public void close() {
        node.close();
        if (database != null) {
            database.close();
        }
    }
}
