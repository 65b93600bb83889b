package org.hotline.core.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.metrics.MetricsRoutes;

/**
 * The service's configuration, read once at start-up from environment variables. Immutable; a bad value
 * fails start-up with a message naming the variable. Every variable and its default is listed in the README.
 */
public record HotlineConfig(
        Path dataDir,
        Optional<String> mongoUri,
        String mongoDatabase,
        int embeddedMongoPort,
        Duration mongoTimeout,
        String httpHost,
        int httpPort,
        String agiHost,
        int agiPort,
        int agiCapacity,
        Path pathwayFile,
        Path flowsDir,
        String nodeId,
        int nodeIndex,
        Optional<String> serverKey,
        boolean demo,
        int demoAgencyPort,
        long maxBodyBytes,
        int passwordIterations,
        boolean secureCookies,
        Duration flowsPoll,
        Optional<String> metricsToken) {

    public static final String DEFAULT_DATA_DIR = "./data";
    public static final String DEFAULT_MONGO_DATABASE = "hotline";
    public static final int DEFAULT_EMBEDDED_MONGO_PORT = 0;
    public static final Duration DEFAULT_MONGO_TIMEOUT = Duration.ofSeconds(3);
    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final String DEFAULT_AGI_HOST = "127.0.0.1";
    public static final int DEFAULT_AGI_PORT = 4573;
    public static final int DEFAULT_AGI_CAPACITY = 20_000;
    public static final String DEFAULT_PATHWAY_FILE = "pathway-config/examples/national.yaml";
    public static final String DEFAULT_FLOWS_DIR = "ivr-flows/flows";
    public static final int DEFAULT_DEMO_AGENCY_PORT = 8089;
    public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    public static final Duration DEFAULT_FLOWS_POLL = Duration.ofSeconds(5);

    /** Reads the configuration from a variable map (normally {@code System.getenv()}). */
    public static HotlineConfig fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        boolean demo = r.bool("HOTLINE_DEMO", false);
        return new HotlineConfig(
                Path.of(r.string("HOTLINE_DATA_DIR", DEFAULT_DATA_DIR)),
                r.optional("MONGODB_URI"),
                r.string("HOTLINE_MONGO_DATABASE", DEFAULT_MONGO_DATABASE),
                r.port("HOTLINE_EMBEDDED_MONGO_PORT", DEFAULT_EMBEDDED_MONGO_PORT),
                r.duration("HOTLINE_MONGO_TIMEOUT", DEFAULT_MONGO_TIMEOUT),
                r.string("HOTLINE_HTTP_HOST", DEFAULT_HTTP_HOST),
                r.port("HOTLINE_HTTP_PORT", DEFAULT_HTTP_PORT),
                r.string("HOTLINE_AGI_HOST", DEFAULT_AGI_HOST),
                r.port("HOTLINE_AGI_PORT", DEFAULT_AGI_PORT),
                r.positiveInt("HOTLINE_AGI_CAPACITY", DEFAULT_AGI_CAPACITY),
                Path.of(r.string("HOTLINE_PATHWAY_FILE", DEFAULT_PATHWAY_FILE)),
                Path.of(r.string("HOTLINE_FLOWS_DIR", DEFAULT_FLOWS_DIR)),
                r.string("HOTLINE_NODE_ID", defaultNodeId()),
                r.range("HOTLINE_NODE_INDEX", 0, 0, 15),
                r.optional("HOTLINE_SERVER_KEY"),
                demo,
                r.port("HOTLINE_DEMO_AGENCY_PORT", DEFAULT_DEMO_AGENCY_PORT),
                r.positiveInt("HOTLINE_MAX_BODY_BYTES", (int) DEFAULT_MAX_BODY_BYTES),
                r.range("HOTLINE_PASSWORD_ITERATIONS", PasswordHasher.DEFAULT_ITERATIONS, 1_000, 10_000_000),
                // Secure unless a demo runs on plain http; production sits behind TLS
                r.bool("HOTLINE_SECURE_COOKIES", !demo),
                r.duration("HOTLINE_FLOWS_POLL", DEFAULT_FLOWS_POLL),
                r.secret("HOTLINE_METRICS_TOKEN", MetricsRoutes.MIN_TOKEN_LENGTH));
    }

    private static String defaultNodeId() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("node");
        return host + "-" + ProcessHandle.current().pid();
    }
}
