package org.hotline.bench.ivr;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.bench.BenchFiles;
import org.hotline.bench.dispatch.AgencyReceivers;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;

/**
 * The server under test, in its own JVM (as in production, and so that its heap, threads and file
 * descriptors are its own). Prints {@code ready <port>}, then answers {@code stats} on stdin with
 * {@code stats <liveHeapBytes> <platformThreads> <processCpuNanos>} (live bytes from a class histogram), and {@code cpu} with
 * {@code cpu <processCpuNanos>}; {@code quit} or end of input stops it.
 *
 * <p>Arguments: {@code <kind> <repoRoot> <workDir> [commandsFile]} (the command list for the two baselines).
 */
public final class ServerProcess {

    /** System property naming a properties file of extra environment for the hotline node (see {@link #writeNodeEnv}). */
    static final String NODE_ENV_PROPERTY = "hotline.bench.nodeEnv";

    private ServerProcess() {}

    /** Writes extra node settings where {@link HotlineNode} picks them up over its own; returns the file. */
    static Path writeNodeEnv(Path work, Map<String, String> env) throws java.io.IOException {
        java.util.Properties props = new java.util.Properties();
        props.putAll(env);
        Path file = Files.createDirectories(work).resolve("node-env.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "extra settings of the hotline node under test");
        }
        return file;
    }

    private static Map<String, String> extraNodeEnv() throws java.io.IOException {
        String file = System.getProperty(NODE_ENV_PROPERTY);
        if (file == null) {
            return Map.of();
        }
        java.util.Properties props = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            props.load(in);
        }
        Map<String, String> env = new HashMap<>();
        props.stringPropertyNames().forEach(name -> env.put(name, props.getProperty(name)));
        return env;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ServerProcess hotline|raw-floor|stock-asterisk-java REPO WORKDIR [COMMANDS]");
            System.exit(2);
        }
        ServerKind kind = kindOf(args[0]);
        Path repo = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        List<String> commands = args.length > 3 ? Files.readAllLines(Path.of(args[3])) : List.of();
        try (AutoCloseable server = start(kind, repo, work, commands)) {
            System.out.println("ready " + port(server));
            System.out.flush();
            serveControl();
        }
        System.exit(0);
    }

    private static ServerKind kindOf(String label) {
        for (ServerKind k : ServerKind.values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown server kind '" + label + "'");
    }

    private static AutoCloseable start(ServerKind kind, Path repo, Path work, List<String> commands) throws Exception {
        return switch (kind) {
            case RAW_FLOOR -> new RawFloorServer(commands);
            case STOCK -> new StockAgiServer(commands);
            case HOTLINE -> HotlineNode.start(repo, work);
        };
    }

    private static int port(AutoCloseable server) {
        return switch (server) {
            case RawFloorServer s -> s.port();
            case StockAgiServer s -> s.port();
            case HotlineNode n -> n.hotline().agiPort();
            default -> throw new IllegalStateException("unknown server " + server);
        };
    }

    private static void serveControl() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            if (line.equals("stats")) {
                long heap = liveHeapBytes();
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                System.out.println("stats " + heap + " " + threads + " " + cpuNanos());
                System.out.flush();
            } else if (line.equals("cpu")) {
                System.out.println("cpu " + cpuNanos());
                System.out.flush();
            }
        }
    }

    /**
     * Bytes of live objects, from a class histogram: the JVM collects, then counts every object still
     * reachable. Unlike "heap used after GC" this does not depend on the collector (ZGC, for one, reports
     * whole pages in use, garbage included).
     */
    static long liveHeapBytes() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String[] lines = histogram.strip().split("\n");
        String[] total = lines[lines.length - 1].trim().split("\\s+");
        if (total.length != 3 || !total[0].equals("Total")) {
            throw new IllegalStateException("unexpected class histogram ending: " + lines[lines.length - 1]);
        }
        return Long.parseLong(total[2]);
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** A hotline node with a temp data dir, always-open flows, and one local receiver for all its webhooks. */
    record HotlineNode(Hotline hotline, AgencyReceivers agencies) implements AutoCloseable {

        static HotlineNode start(Path repo, Path work) throws java.io.IOException {
            AgencyReceivers agencies = AgencyReceivers.start(1, (agency, reference, nanos) -> { });
            Path pathway = BenchFiles.nationalPathway(repo);
            Map<String, String> env = new HashMap<>();
            env.put("HOTLINE_DATA_DIR", work.resolve("data").toString());
            env.put("HOTLINE_HTTP_PORT", "0");
            env.put("HOTLINE_AGI_PORT", "0");
            env.put("HOTLINE_PATHWAY_FILE", pathway.toString());
            env.put("HOTLINE_FLOWS_DIR", BenchFiles.alwaysOpenFlows(repo, work.resolve("flows")).toString());
            env.put("HOTLINE_DEMO_AGENCY_URL", agencies.url(0));
            // the bench's agency receivers are on loopback, which a node outside demo mode refuses otherwise
            env.put("HOTLINE_ALLOW_LOCAL_WEBHOOKS", "true");
            BenchFiles.secretRefs(pathway).forEach(ref -> env.put(ref, "bench-secret-" + ref));
            env.putAll(extraNodeEnv());
            try {
                return new HotlineNode(Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC()), agencies);
            } catch (RuntimeException e) {
                agencies.close();
                throw e;
            }
        }

        @Override
        public void close() {
            hotline.close();
            agencies.close();
        }
    }
}
