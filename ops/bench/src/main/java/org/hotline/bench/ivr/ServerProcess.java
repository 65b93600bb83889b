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
import java.util.Optional;
import java.util.Set;
import org.hotline.bench.BenchFiles;
import org.hotline.bench.dispatch.AgencyReceivers;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;

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

    /** The secrets both nodes of the split deployment are given, the same in each. */
    static final List<String> SHARED_KEYS = List.of("HOTLINE_SERVER_KEY", "HOTLINE_DATA_KEYS");

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ServerProcess hotline|hotline-separate-db|hotline-split-roles|hotline-back-office|raw-floor|"
                    + "stock-asterisk-java REPO WORKDIR [COMMANDS] (all but hotline and the baselines read MONGODB_URI;"
                    + " the split deployment's two nodes also HOTLINE_SERVER_KEY and HOTLINE_DATA_KEYS)");
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
                    splitNode("ivr", "calls", 1));
            case HOTLINE_BACK_OFFICE -> HotlineNode.start(repo, work, Optional.of(separateDatabase()),
                    splitNode("dispatch,web", "back-office", 2));
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

    /**
     * One node of the split deployment: its roles, a node id and index of its own, and the keys both nodes share
     * (the back office opens the tips the call-facing node sealed), from the environment {@link ServerHandle} gave
     * this process.
     */
    private static Map<String, String> splitNode(String roles, String id, int index) {
        Map<String, String> env = new HashMap<>(Map.of("HOTLINE_ROLES", roles, "HOTLINE_NODE_ID", id,
                "HOTLINE_NODE_INDEX", Integer.toString(index)));
        for (String shared : SHARED_KEYS) {
            String value = System.getenv(shared);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a node of the split deployment needs " + shared);
            }
            env.put(shared, value);
        }
        return env;
    }

    /** The separate database's address, from the environment {@link ServerHandle} gave this process. */
    private static String separateDatabase() {
        String uri = System.getenv("MONGODB_URI");
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("hotline-separate-db needs MONGODB_URI (the database process's address)");
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

    /**
     * A hotline node with a temp data dir, always-open flows, and one local receiver for all its webhooks; its
     * MongoDB is the embedded server it starts itself, or the one at {@code mongoUri}.
     */
    record HotlineNode(Hotline hotline, Optional<AgencyReceivers> agencies) implements AutoCloseable {

        static HotlineNode start(Path repo, Path work, Optional<String> mongoUri, Map<String, String> roleEnv)
                throws java.io.IOException {
            // the deployment's receiver in its own JVM, when it started one; otherwise one in this process
            String given = System.getenv(AgencyProcess.URL_VARIABLE);
            Optional<AgencyReceivers> agencies = given == null || given.isBlank()
                    ? Optional.of(AgencyReceivers.start(1, (agency, reference, nanos) -> { })) : Optional.empty();
            String agencyUrl = agencies.map(a -> a.url(0)).orElse(given);
            Path pathway = BenchFiles.nationalPathway(repo);
            Map<String, String> env = new HashMap<>();
            env.put("HOTLINE_DATA_DIR", work.resolve("data").toString());
            env.put("HOTLINE_HTTP_PORT", "0");
            env.put("HOTLINE_AGI_PORT", "0");
            env.put("HOTLINE_PATHWAY_FILE", pathway.toString());
            env.put("HOTLINE_FLOWS_DIR", BenchFiles.alwaysOpenFlows(repo, work.resolve("flows")).toString());
            env.put("HOTLINE_DEMO_AGENCY_URL", agencyUrl);
            // the bench's agency receivers are on loopback, which a node outside demo mode refuses otherwise
            env.put("HOTLINE_ALLOW_LOCAL_WEBHOOKS", "true");
            mongoUri.ifPresent(uri -> env.put("MONGODB_URI", uri));
            env.putAll(roleEnv);
            BenchFiles.secretRefs(pathway).forEach(ref -> env.put(ref, "bench-secret-" + ref));
            env.putAll(extraNodeEnv());
            try {
                return new HotlineNode(Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC()), agencies);
            } catch (RuntimeException e) {
                agencies.ifPresent(AgencyReceivers::close);
                throw e;
            }
        }

        /**
         * Waits until the work the calls left is done: the journal empty, every referral created has left the outbox
         * (delivered or given up) and nothing new was created for a while, then confirms once in MongoDB that no tip
         * waits for routing. Returns the milliseconds waited, or -1 after {@code limit}. It watches the node's own
         * counters, not the database, so that the waiting costs the node (and its embedded database) nothing.
         */
        long awaitBackOffice(java.time.Duration limit) throws InterruptedException {
            long start = System.nanoTime();
            long lastConfirm = 0;
            double[] seen = {-1, -1};
            int steady = 0;
            while (System.nanoTime() - start < limit.toNanos()) {
                Map<String, Double> now = counters();
                double tips = now.get("hotline_tips_total");
                double created = now.get("hotline_referrals_created_total");
                double finished = now.get("DELIVERED") + now.get("DEAD_LETTER");
                boolean quiet = now.get("hotline_journal_backlog") == 0 && finished >= created
                        && tips == seen[0] && created == seen[1];
                steady = quiet ? steady + 1 : 0;
                seen[0] = tips;
                seen[1] = created;
                if (steady >= 3 && System.nanoTime() - lastConfirm > 2_000_000_000L) {
                    lastConfirm = System.nanoTime();
                    if (nothingUnrouted()) {
                        return (System.nanoTime() - start) / 1_000_000;
                    }
                }
                Thread.sleep(200);
            }
            return -1;
        }

        private static final Set<String> WATCHED = Set.of("hotline_tips_total", "hotline_referrals_created_total",
                "hotline_referral_transitions_total", "hotline_journal_backlog");

        /**
         * The watched counters, each summed over its series, and the referral transitions by state, from the
         * collectors of those metrics only: collecting the whole registry five times a second (histograms, the JVM's
         * exports reading /proc) cost the node more CPU than the calls' turnaround it was waiting for.
         */
        private Map<String, Double> counters() {
            Map<String, Double> sums = new HashMap<>();
            WATCHED.forEach(name -> sums.put(name, 0.0));
            sums.put("DELIVERED", 0.0);
            sums.put("DEAD_LETTER", 0.0);
            var families = hotline.metrics().registry().filteredMetricFamilySamples(WATCHED);
            while (families.hasMoreElements()) {
                for (var sample : families.nextElement().samples) {
                    if (!WATCHED.contains(sample.name)) {
                        continue;
                    }
                    sums.merge(sample.name, sample.value, Double::sum);
                    int i = sample.labelNames.indexOf("state");
                    if (sample.name.equals("hotline_referral_transitions_total") && i >= 0
                            && sums.containsKey(sample.labelValues.get(i))) {
                        sums.merge(sample.labelValues.get(i), sample.value, Double::sum);
                    }
                }
            }
            return sums;
        }

        private boolean nothingUnrouted() {
            try (com.mongodb.client.MongoClient own = com.mongodb.client.MongoClients.create(
                    hotline.mongo().connectionString())) {
                return own.getDatabase(hotline.mongo().database().getName()).getCollection("tips")
                        .countDocuments(new org.bson.Document("routed", false)) == 0;
            }
        }

        @Override
        public void close() {
            hotline.close();
            agencies.ifPresent(AgencyReceivers::close);
        }
    }
}
