package org.hotline.bench.ivr;

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
import org.hotline.core.crypto.DataKeys;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;

/**
 * The hotline node a {@link ServerProcess} runs: a temp data dir, always-open flows, and one local receiver for all
 * its webhooks; its MongoDB is the embedded server it starts itself, or the one at {@code mongoUri}. Its
 * environment beyond that: extra settings from the harness ({@link #writeNodeEnv}), and, for a node of the split
 * deployment, its roles and the keys both nodes share ({@link #splitRole}). {@link #awaitBackOffice} tells the
 * harness when the work the calls left is done.
 */
record HotlineNode(Hotline hotline, Optional<AgencyReceivers> agencies) implements AutoCloseable {

    /** System property naming a properties file of extra environment for the node (see {@link #writeNodeEnv}). */
    static final String NODE_ENV_PROPERTY = "hotline.bench.nodeEnv";

    /** The server key's variable (its data keys' is {@link DataKeys#ENV}). */
    static final String SERVER_KEY = "HOTLINE_SERVER_KEY";
    /** The secrets both nodes of the split deployment are given, the same in each. */
    static final List<String> SHARED_KEYS = List.of(SERVER_KEY, DataKeys.ENV);

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

    /**
     * One node of the split deployment: its roles, a node id and index of its own, and the keys both nodes share
     * (the back office opens the tips the call-facing node sealed), from the environment {@link ServerHandle} gave
     * this process.
     */
    static Map<String, String> splitRole(String roles, String id, int index) {
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
