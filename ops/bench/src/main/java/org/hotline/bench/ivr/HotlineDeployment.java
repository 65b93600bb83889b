package org.hotline.bench.ivr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One hotline deployment under test: the node's JVM; in the separate-database deployment, the database's JVM it
 * connects to through {@code MONGODB_URI}; and the agencies' receiver in a JVM of its own ({@link AgencyProcess}),
 * so that neither the database's nor the agencies' CPU is counted as the node's. Closing stops the node first.
 *
 * @param database null when the database runs inside the node
 */
record HotlineDeployment(DatabaseMode mode, ServerHandle node, ServerHandle database, ServerHandle agencies)
        implements AutoCloseable {

    /** Starts the deployment's processes with their folders and logs under {@code work}. */
    static HotlineDeployment start(DatabaseMode mode, Path repo, Path work, String heap, Consumer<String> log)
            throws IOException {
        String label = mode.server().label();
        Path dir = Files.createDirectories(work.resolve(label));
        ServerHandle agencies = ServerHandle.launchNiced(AgencyProcess.NICE, AgencyProcess.class, List.of(), Map.of(),
                "256m", work.resolve(label + "-agencies.log"));
        ServerHandle database = null;
        try {
            Map<String, String> env = new HashMap<>(Map.of(AgencyProcess.URL_VARIABLE,
                    "http://127.0.0.1:" + agencies.port()));
            if (mode == DatabaseMode.EMBEDDED) {
                log.accept("ivr: starting " + label + " server JVM (agencies' receiver in a JVM of its own)");
            } else {
                log.accept("ivr: starting " + label + " database JVM and node JVM (agencies' receiver in a JVM of its own)");
                database = ServerHandle.launch(DatabaseProcess.class, List.of(dir.resolve("database").toString()),
                        Map.of(), heap, work.resolve(label + "-database.log"));
                env.put("MONGODB_URI", "mongodb://127.0.0.1:" + database.port());
            }
            Path nodeDir = mode == DatabaseMode.EMBEDDED ? dir : dir.resolve("node");
            ServerHandle node = ServerHandle.start(mode.server(), repo, nodeDir, null, heap, work.resolve(label + ".log"),
                    env);
            return new HotlineDeployment(mode, node, database, agencies);
        } catch (IOException | RuntimeException e) {
            if (database != null) {
                database.close();
            }
            agencies.close();
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
        agencies.close();
    }
}
