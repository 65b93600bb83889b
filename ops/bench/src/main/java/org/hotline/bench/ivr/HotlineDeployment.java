package org.hotline.bench.ivr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hotline.core.crypto.DataKeys;

/**
 * One hotline deployment under test: the node's JVM; in the separate-database and split deployments, the database's
 * JVM it connects to through {@code MONGODB_URI}; in the split deployment, the back-office node's JVM as well; and
 * the agencies' receiver in a JVM of its own ({@link AgencyProcess}), so that neither the database's, the back
 * office's nor the agencies' CPU is counted as the node's. Closing stops the node first.
 *
 * @param database null when the database runs inside the node
 * @param backOffice the back-office node of the split deployment ({@code HOTLINE_ROLES=dispatch,web}); null when
 *     the node under test runs every role
 */
record HotlineDeployment(DatabaseMode mode, ServerHandle node, ServerHandle database, ServerHandle backOffice,
        ServerHandle agencies) implements AutoCloseable {

    /** Starts the deployment's processes with their folders and logs under {@code work}. */
    static HotlineDeployment start(DatabaseMode mode, Path repo, Path work, String heap, Consumer<String> log)
            throws IOException {
        String label = mode.server().label();
        Path dir = Files.createDirectories(work.resolve(label));
        ServerHandle agencies = ServerHandle.launchNiced(AgencyProcess.NICE, AgencyProcess.class, List.of(), Map.of(),
                "256m", work.resolve(label + "-agencies.log"));
        ServerHandle database = null;
        ServerHandle backOffice = null;
        try {
            Map<String, String> env = new HashMap<>(Map.of(AgencyProcess.URL_VARIABLE,
                    "http://127.0.0.1:" + agencies.port()));
            if (mode == DatabaseMode.EMBEDDED) {
                log.accept("ivr: starting " + label + " server JVM (agencies' receiver in a JVM of its own)");
            } else {
                log.accept("ivr: starting " + label + " database JVM and node JVM"
                        + (mode == DatabaseMode.SPLIT ? " (calls only), back-office node JVM" : "")
                        + " (agencies' receiver in a JVM of its own)");
                database = ServerHandle.launch(DatabaseProcess.class, List.of(dir.resolve("database").toString()),
                        Map.of(), heap, work.resolve(label + "-database.log"));
                env.put("MONGODB_URI", "mongodb://127.0.0.1:" + database.port());
            }
            if (mode == DatabaseMode.SPLIT) {
                env.putAll(sharedKeys());
                backOffice = ServerHandle.start(ServerKind.HOTLINE_BACK_OFFICE, repo, dir.resolve("back-office"), null,
                        heap, work.resolve(label + "-back-office.log"), env);
            }
            Path nodeDir = mode == DatabaseMode.EMBEDDED ? dir : dir.resolve("node");
            ServerHandle node = ServerHandle.start(mode.server(), repo, nodeDir, null, heap, work.resolve(label + ".log"),
                    env);
            return new HotlineDeployment(mode, node, database, backOffice, agencies);
        } catch (IOException | RuntimeException e) {
            for (ServerHandle started : new ServerHandle[] {backOffice, database}) {
                if (started != null) {
                    started.close();
                }
            }
            agencies.close();
            throw e;
        }
    }

    /** A fresh server key and data key, given to both nodes of the split deployment as production gives them. */
    private static Map<String, String> sharedKeys() {
        SecureRandom random = new SecureRandom();
        byte[] server = new byte[32];
        byte[] data = new byte[32];
        random.nextBytes(server);
        random.nextBytes(data);
        Base64.Encoder base64 = Base64.getEncoder();
        return Map.of(HotlineNode.SERVER_KEY, base64.encodeToString(server),
                DataKeys.ENV, "bench:" + base64.encodeToString(data));
    }

    /** CPU time the database process has used so far, or -1 when the database runs inside the node. */
    long databaseCpuNanos() throws IOException {
        return database == null ? -1 : database.cpuNanos();
    }

    /**
     * Waits until the back-office node has sent what the calls left, then answers its CPU time so far and MongoDB
     * round trips; null when the node under test runs every role (its own drain covers that work).
     */
    ServerHandle.Drained drainBackOffice() throws IOException {
        return backOffice == null ? null : backOffice.drain();
    }

    @Override
    public void close() {
        node.close();
        if (backOffice != null) {
            backOffice.close();
        }
        if (database != null) {
            database.close();
        }
        agencies.close();
    }
}
