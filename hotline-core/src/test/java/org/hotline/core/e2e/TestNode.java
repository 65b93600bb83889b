package org.hotline.core.e2e;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.testsupport.RecordingAgency;

/** Environment for a hotline node under test: free ports, its own data directory, agencies at a test server. */
public final class TestNode {

    /** Secret names used by the shipped national pathway's webhooks. */
    public static final List<String> SECRET_REFS = List.of("AGENCY_SECRET_LNP_AHTU", "AGENCY_SECRET_LNP_WACPS",
            "AGENCY_SECRET_MOL_LABOUR", "AGENCY_SECRET_MGCSP_CP", "AGENCY_SECRET_LIS", "AGENCY_SECRET_NATTF");
    public static final String SECRET = "test-secret-for-every-agency";
    /** The node's Prometheus scrape token ({@code HOTLINE_METRICS_TOKEN}). */
    public static final String METRICS_TOKEN = "test-scrape-token-0123456789";

    private TestNode() {}

    public static Map<String, String> env(Path dir, RecordingAgency agencies) {
        Map<String, String> env = new HashMap<>();
        env.put("HOTLINE_DATA_DIR", dir.resolve("data").toString());
        env.put("HOTLINE_HTTP_PORT", "0");
        env.put("HOTLINE_AGI_PORT", "0");
        env.put("HOTLINE_PATHWAY_FILE", TestFiles.NATIONAL_PATHWAY.toString());
        env.put("HOTLINE_FLOWS_DIR", TestFiles.alwaysOpenFlows(dir.resolve("flows")).toString());
        env.put("HOTLINE_DEMO_AGENCY_URL", agencies.url(""));
        env.put("HOTLINE_DISPATCH_POLL_INTERVAL", "100ms");
        env.put("HOTLINE_DISPATCH_BACKOFF_BASE", "200ms");
        env.put("HOTLINE_DISPATCH_BACKOFF_MAX", "1s");
        env.put("HOTLINE_DISPATCH_LEASE", "4s");
        env.put("HOTLINE_DISPATCH_CONNECT_TIMEOUT", "1s");
        env.put("HOTLINE_DISPATCH_RESPONSE_TIMEOUT", "2s");
        env.put("HOTLINE_METRICS_TOKEN", METRICS_TOKEN);
        env.putAll(TestFiles.LOCAL_AGENCIES);
        SECRET_REFS.forEach(ref -> env.put(ref, SECRET));
        return env;
    }
}
