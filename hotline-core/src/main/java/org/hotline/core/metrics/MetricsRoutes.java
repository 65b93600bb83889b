package org.hotline.core.metrics;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.hotline.core.auth.Access;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}, the Prometheus scrape. The counters are exact per agency and per outcome, so they are
 * served only to a scraper that sends {@code Authorization: Bearer <HOTLINE_METRICS_TOKEN>}: no credentials get
 * 401, any other credentials 403. Without a token the endpoint is closed (401/403 to everyone), except in demo
 * mode, where it is open to clients on this machine only (loopback), so that a newcomer can look and nobody else.
 */
public final class MetricsRoutes implements ApiRoutes {

    /** The shortest token accepted: a scrape token is a random secret, not a word. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private static final Logger LOG = LoggerFactory.getLogger(MetricsRoutes.class);
    private static final String BEARER = "Bearer ";

    private final HotlineMetrics metrics;
    private final Optional<byte[]> token;
    private final boolean open;

    public MetricsRoutes(HotlineMetrics metrics, Optional<String> token, boolean demo) {
        this.metrics = metrics;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.open = token.isEmpty() && demo;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/metrics").handler(this::authorise).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.scrape()));
        if (open) {
            LOG.warn("/metrics is open to this machine only (demo mode without HOTLINE_METRICS_TOKEN)");
        } else if (token.isEmpty()) {
            LOG.warn("/metrics is off: HOTLINE_METRICS_TOKEN is not set, so every scrape is refused (401/403)");
        } else {
            LOG.info("/metrics answers scrapers that send HOTLINE_METRICS_TOKEN as a bearer token");
        }
    }

    private void authorise(RoutingContext ctx) {
        if (open && loopback(ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host())) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            ctx.fail(new ApiException(401, "metrics_token_required",
                    "Send the scrape token (HOTLINE_METRICS_TOKEN) as 'Authorization: Bearer <token>'."));
        } else if (token.isEmpty()) {
            ctx.fail(new ApiException(403, "metrics_off",
                    "Metrics are off on this node: HOTLINE_METRICS_TOKEN is not set."));
        } else if (!matches(header)) {
            ctx.fail(new ApiException(403, "metrics_token_wrong", "That is not this node's scrape token."));
        } else {
            ctx.next();
        }
    }

    /** Whether a client address is this machine's loopback (127.0.0.0/8, ::1, or IPv4-mapped 127.x). */
    static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.startsWith("::ffff:127.");
    }

    /** Compares in constant time, so the answer's timing does not reveal how much of a guess was right. */
    private boolean matches(String header) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.orElseThrow());
    }
}
