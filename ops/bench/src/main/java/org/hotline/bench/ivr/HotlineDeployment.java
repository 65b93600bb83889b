package org.hotline.bench.ivr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hotline.bench.dispatch.AgencyReceivers;

/**
 * One hotline deployment under test: the node's JVM and, in the separate-database deployment, the database's
 * JVM it connects to through {@code MONGODB_URI}. Closing stops the node first, then its database.
 *
 * The agencies' receiver runs in the harness's JVM, not the node's: agencies are other organisations' servers,
 * so the CPU they spend taking referrals is not the node's.
 *
 * @param database null when the database runs inside the node
 */
record HotlineDeployment(DatabaseMode mode, ServerHandle node, ServerHandle database, AgencyReceivers agencies)
        implements AutoCloseable {

    /** Starts the deployment's processes with their folders and logs under {@code work}. */
    static HotlineDeployment start(DatabaseMode mode, Path repo, Path work, String heap, Consumer<String> log)
            throws IOException {
        String label = mode.server().label();
        Path dir = Files.createDirectories(work.resolve(label));
        AgencyReceivers agencies = AgencyReceivers.start(1, (agency, reference, nanos) -> { });
        Map<String, String> env = new HashMap<>(Map.of(ServerProcess.HotlineNode.AGENCY_URL, agencies.url(0)));
        ServerHandle database = null;
        try {
            if (mode == DatabaseMode.EMBEDDED) {
                log.accept("ivr: starting " + label + " server JVM");
                return new HotlineDeployment(mode, ServerHandle.start(mode.server(), repo, dir, null, heap,
                        work.resolve(label + ".log"), env), null, agencies);
            }
            log.accept("ivr: starting " + label + " database JVM and node JVM");
            database = ServerHandle.launch(DatabaseProcess.class, List.of(dir.resolve("database").toString()),
                    Map.of(), heap, work.resolve(label + "-database.log"));
            env.put("MONGODB_URI", "mongodb://127.0.0.1:" + database.port());
            ServerHandle node = ServerHandle.start(mode.server(), repo, dir.resolve("node"), null, heap,
                    work.resolve(label + ".log"), env);
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
