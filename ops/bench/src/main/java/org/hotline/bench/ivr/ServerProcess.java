package org.hotline.bench.ivr;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server under test, in its own JVM (as in production, and so that its heap, threads and file
 * descriptors are its own). Prints {@code ready <port>}, then answers {@code stats} on stdin with
 * {@code stats <liveHeapBytes> <platformThreads> <processCpuNanos> <countingCpuNanos>} (live bytes from a class
 * histogram, and the CPU time that count took), and {@code cpu} with
 * {@code cpu <processCpuNanos>}, and {@code drain} (waits for the node's back office) with
 * {@code drained <waitedMillis> <processCpuNanos> <roundTrips> <embeddedDatabaseCpuNanos>} (-1 without an embedded
 * database); {@code quit} or end of input stops it.
 *
 * <p>Arguments: {@code <kind> <repoRoot> <workDir> [commandsFile]} (the command list for the two baselines).
 */
public final class ServerProcess {

    /** Longest the harness waits for the node's back office to catch up after a step's last call. */
    static final java.time.Duration DRAIN_LIMIT = java.time.Duration.ofMinutes(3);

    private ServerProcess() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ServerProcess hotline|hotline-separate-db|hotline-split-roles"
                    + "|hotline-back-office|raw-floor|stock-asterisk-java REPO WORKDIR [COMMANDS] (all but hotline and"
                    + " the baselines read MONGODB_URI; the split deployment's two nodes also HOTLINE_SERVER_KEY"
                    + " and HOTLINE_DATA_KEYS)");
            System.exit(2);
        }
        ServerKind kind = kindOf(args[0]);
        Path repo = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        List<String> commands = args.length > 3 ? Files.readAllLines(Path.of(args[3])) : List.of();
        try (AutoCloseable server = start(kind, repo, work, commands)) {
            System.out.println("ready " + port(server));
            System.out.flush();
            serveControl(server);
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
            case HOTLINE -> HotlineNode.start(repo, work, Optional.empty(), Map.of());
            case HOTLINE_SEPARATE_DB -> HotlineNode.start(repo, work, Optional.of(separateDatabase()), Map.of());
            case HOTLINE_SPLIT_ROLES -> HotlineNode.start(repo, work, Optional.of(separateDatabase()),
                    HotlineNode.splitRole("ivr", "calls", 1));
            case HOTLINE_BACK_OFFICE -> HotlineNode.start(repo, work, Optional.of(separateDatabase()),
                    HotlineNode.splitRole("dispatch,web", "back-office", 2));
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

    /** The separate database's address, from the environment {@link ServerHandle} gave this process. */
    private static String separateDatabase() {
        String uri = System.getenv("MONGODB_URI");
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException(
                    "a hotline node with its database apart needs MONGODB_URI (the database process's address)");
        }
        return uri;
    }

    /** Answers the parent's {@code stats} and {@code cpu} on stdin until {@code quit} or end of input. */
    static void serveControl(AutoCloseable server) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            if (line.equals("stats")) {
                long before = cpuNanos();
                long heap = liveHeapBytes();
                long counting = cpuNanos() - before; // the harness's heap walk, not the server's work
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                System.out.println("stats " + heap + " " + threads + " " + cpuNanos() + " " + counting);
                System.out.flush();
            } else if (line.equals("cpu")) {
                System.out.println("cpu " + cpuNanos());
                System.out.flush();
            } else if (line.equals("drain")) {
                long waited = server instanceof HotlineNode node ? node.awaitBackOffice(DRAIN_LIMIT) : 0;
                long trips = server instanceof HotlineNode node ? node.hotline().mongo().roundTrips().total() : 0;
                long database = server instanceof HotlineNode node && node.hotline().mongo().isEmbedded()
                        ? EmbeddedDatabaseThreads.cpuNanos() : -1;
                System.out.println("drained " + waited + " " + cpuNanos() + " " + trips + " " + database);
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
}
